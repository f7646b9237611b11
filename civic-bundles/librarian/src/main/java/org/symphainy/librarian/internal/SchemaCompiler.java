package org.symphainy.librarian.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.osgi.framework.Bundle;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import com.networknt.schema.regex.JDKRegularExpressionFactory;

/**
 * Reads a payload schema from its declaring bundle and compiles it as JSON Schema 2020-12, or says exactly why it cannot:
 * the resource is missing, is not JSON (with line and column), names another dialect, breaks the 2020-12 meta-schema
 * (with the JSON pointer inside the schema), or has a {@code $ref} that does not resolve. A schema sees only its own
 * bundle's JSON entries and the standard meta-schemas: nothing is fetched from the network. Thread-safe.
 */
final class SchemaCompiler {

    /** The dialect every payload schema is read as. */
    static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

    /** How the validator reports: JSON pointers, English messages, formats asserted, java.util.regex patterns. */
    static final SchemaRegistryConfig CONFIG = SchemaRegistryConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .locale(Locale.ENGLISH)
            .formatAssertionsEnabled(true)
            .regularExpressionFactory(JDKRegularExpressionFactory.getInstance())
            .build();

    private static final String META_SCHEMAS = "https://json-schema.org/draft/2020-12/";
    private static final int MAX_BYTES = 1 << 20;
    private static final int LISTED = 3;

    private final ObjectMapper reader = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private final Schema metaSchema;

    /** Loads the 2020-12 meta-schema, which every schema is checked against first. */
    SchemaCompiler() {
        this.metaSchema = withOwnClassLoader(() -> {
            Schema meta = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                    registry -> registry.schemaRegistryConfig(CONFIG)).getSchema(SchemaLocation.of(DIALECT));
            meta.initializeValidators();
            return meta;
        });
    }

    /** The schema at {@code path} inside {@code bundle}, compiled, or why it is broken. */
    CompiledSchema compile(Bundle bundle, String path) {
        try {
            JsonNode node = parse(read(bundle, path));
            checkDialect(node);
            checkAgainstMetaSchema(node);
            return CompiledSchema.valid(withOwnClassLoader(() -> build(bundle, path, node)));
        } catch (BrokenSchema e) {
            return CompiledSchema.broken(e.getMessage());
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            return CompiledSchema.broken("it cannot be compiled: " + Messages.causes(e) + "; every $ref must point into"
                    + " the schema itself, to a JSON file of the same bundle, or to a JSON Schema 2020-12 meta-schema");
        }
    }

    private static byte[] read(Bundle bundle, String path) throws BrokenSchema {
        URL entry = bundle.getEntry(BundleResources.entryName(path));
        if (entry == null) {
            throw new BrokenSchema("the bundle has no resource at that path: add the file to the bundle there, or correct"
                    + " @ProvidesIntent(schema = ...)");
        }
        try (InputStream in = entry.openStream()) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new BrokenSchema("it is larger than 1 MiB: split it into files of the same bundle joined by $ref");
            }
            return bytes;
        } catch (IOException e) {
            throw new BrokenSchema("it cannot be read: " + Messages.oneLine(e.getMessage()));
        }
    }

    private JsonNode parse(byte[] bytes) throws BrokenSchema {
        JsonNode node;
        try {
            node = reader.readTree(bytes);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new BrokenSchema("it is not JSON: " + (at == null ? "" : "line " + at.getLineNr() + ", column "
                    + at.getColumnNr() + ": ") + Messages.oneLine(e.getOriginalMessage()) + "; correct the JSON syntax");
        } catch (IOException e) {
            throw new BrokenSchema("it cannot be read: " + Messages.oneLine(e.getMessage()));
        }
        if (node == null || node.isMissingNode()) {
            throw new BrokenSchema("it is empty: write a JSON Schema 2020-12 document there (at least {})");
        }
        return node;
    }

    private static void checkDialect(JsonNode node) throws BrokenSchema {
        JsonNode declared = node.get("$schema");
        if (declared != null && !(declared.isTextual()
                && (DIALECT.equals(declared.textValue()) || (DIALECT + "#").equals(declared.textValue())))) {
            throw new BrokenSchema("it declares \"$schema\": " + declared + ", but payload schemas are JSON Schema 2020-12:"
                    + " write \"$schema\": \"" + DIALECT + "\" or leave $schema out");
        }
    }

    private void checkAgainstMetaSchema(JsonNode node) throws BrokenSchema {
        List<Error> errors = metaSchema.validate(node);
        if (!errors.isEmpty()) {
            throw new BrokenSchema("it is not a valid JSON Schema 2020-12: " + Messages.violations(errors, LISTED)
                    + "; correct the schema");
        }
    }

    private static Schema build(Bundle bundle, String path, JsonNode node) {
        BundleResources resources = new BundleResources(bundle);
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(CONFIG).schemaLoader(loader -> loader
                        .allow(iri -> resources.accepts(iri) || iri.toString().startsWith(META_SCHEMAS))
                        .resourceLoaders(loaders -> loaders.add(resources))));
        Schema schema = registry.getSchema(SchemaLocation.of(resources.iriOf(path)), node);
        schema.initializeValidators();
        return schema;
    }

    /** Runs {@code work} with this bundle's class loader as the context class loader: the meta-schemas are its resources. */
    private static <T> T withOwnClassLoader(Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(SchemaCompiler.class.getClassLoader());
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
