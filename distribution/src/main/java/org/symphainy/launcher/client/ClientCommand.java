package org.symphainy.launcher.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code symphainy intent submit | executions list | executions show | bundles list | deploy}: one request (or a few,
 * with {@code --wait}) to a running container, printed for people (tables) or scripts ({@code --json}).
 */
public final class ClientCommand {

    /** The first words that make a client command rather than a start of the container. */
    public static final Set<String> COMMANDS = Set.of("intent", "executions", "bundles", "deploy");

    private static final Set<String> COMMON = Set.of("--url", "--key-file", "--timeout", "--json");

    private final ClientOptions options;
    private final Connection connection;
    private final PrintStream out;
    private final InputStream in;

    private ClientCommand(ClientOptions options, Connection connection, PrintStream out, InputStream in) {
        this.options = options;
        this.connection = connection;
        this.out = out;
        this.in = in;
    }

    /**
     * Runs the command in {@code args} against the container at {@code defaultUrl} (unless {@code --url} or
     * SYMPHAINY_URL say otherwise), signing in with the key found as {@link Connection} says; returns the exit code.
     */
    public static int run(String[] args, Map<String, String> env, URI defaultUrl, Path dataDir, PrintStream out,
            PrintStream err, InputStream in) {
        try {
            ClientOptions options = ClientOptions.parse(args);
            Connection connection = Connection.of(options, env, defaultUrl, dataDir);
            return new ClientCommand(options, connection, out, in).dispatch();
        } catch (ClientException e) {
            err.println("symphainy: " + e.getMessage());
            return e.exitCode();
        }
    }

    private int dispatch() throws ClientException {
        String command = options.word(0) + " " + (options.word(1) == null ? "" : options.word(1));
        return switch (command.strip()) {
            case "intent submit" -> submit();
            case "executions list" -> listExecutions();
            case "executions show" -> showExecution();
            case "bundles list" -> listBundles();
            default -> options.word(0).equals("deploy") ? deploy() : usage("unknown command '" + command.strip() + "'");
        };
    }

    private int submit() throws ClientException {
        options.allow(union("--version", "--idempotency-key", "--correlation-id", "--wait"));
        String type = required(2, "the intent type, e.g. symphainy intent submit platform.echo '{\"hello\": \"world\"}'");
        String payload = payload(options.word(3));
        StringBuilder body = new StringBuilder("{\"type\": ").append(quote(type)).append(", \"payload\": ").append(payload);
        appendOptional(body, "version", options.option("--version"));
        appendOptional(body, "idempotencyKey", options.option("--idempotency-key"));
        appendOptional(body, "correlationId", options.option("--correlation-id"));
        Object answer = connection.client().postJson("/api/v1/intents", body.append('}').toString());
        return options.flag("--wait") ? await(Json.text(answer, "executionId")) : print(answer, () -> {
            out.println(Json.text(answer, "executionId") + (Boolean.TRUE.equals(map(answer).get("duplicate"))
                    ? " (duplicate: the first execution of this idempotency key)" : " accepted"));
        });
    }

    private int listExecutions() throws ClientException {
        options.allow(union("--state", "--type", "--limit", "--since", "--until", "--cursor"));
        StringBuilder query = new StringBuilder();
        for (String name : List.of("state", "type", "limit", "since", "until", "cursor")) {
            String value = options.option("--" + name);
            if (value != null) {
                query.append(query.isEmpty() ? '?' : '&').append(name).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        Object page = connection.client().get("/api/v1/executions" + query);
        return print(page, () -> {
            Table table = new Table("ID", "TYPE", "STATE", "TENANT", "ACTOR", "ACCEPTED");
            for (Object item : Json.list(page, "items")) {
                table.row(Json.text(item, "id"), Json.text(item, "type"), Json.text(item, "state"),
                        Json.text(item, "tenant"), Json.text(item, "actor"), Json.text(item, "acceptedAt"));
            }
            table.print(out);
            if (!Json.text(page, "nextCursor").isEmpty()) {
                out.println("more: --cursor " + Json.text(page, "nextCursor"));
            }
        });
    }

    private int showExecution() throws ClientException {
        options.allow(COMMON);
        String id = required(2, "the execution id");
        out.println(Json.pretty(connection.client().get("/api/v1/executions/" + pathSegment(id))));
        return 0;
    }

    private int listBundles() throws ClientException {
        options.allow(COMMON);
        Object answer = connection.client().get("/admin/v1/bundles");
        return print(answer, () -> {
            Table table = new Table("ID", "STATE", "LEVEL", "SYMBOLIC NAME", "VERSION", "INTENTS");
            for (Object bundle : Json.list(answer, "bundles")) {
                table.row(Json.text(bundle, "id"), Json.text(bundle, "state"), Json.text(bundle, "startLevel"),
                        Json.text(bundle, "symbolicName"), Json.text(bundle, "version"),
                        String.join(", ", strings(Json.list(bundle, "declaredIntents"))));
            }
            table.print(out);
        });
    }

    private int deploy() throws ClientException {
        options.allow(union("--reason", "--wait"));
        Path file = Path.of(required(1, "the bundle jar to deploy, e.g. symphainy deploy target/my-solution-1.0.0.jar"));
        byte[] jar;
        try {
            jar = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ClientException(ClientException.USAGE, "cannot read " + file + ": " + e.getMessage());
        }
        String path = "/admin/v1/bundles?fileName=" + URLEncoder.encode(file.getFileName().toString(), StandardCharsets.UTF_8)
                + (options.option("--reason") == null ? ""
                        : "&reason=" + URLEncoder.encode(options.option("--reason"), StandardCharsets.UTF_8));
        Object answer = connection.client().postBytes(path, jar, "application/java-archive");
        return options.flag("--wait") ? await(Json.text(answer, "executionId")) : print(answer, () -> out.println(
                Json.text(answer, "intent") + " " + Json.text(answer, "executionId") + " accepted"));
    }

    /** Follows execution {@code id} until it ends; 0 if it completed, 1 if it failed or the wait ran out. */
    private int await(String id) throws ClientException {
        long deadline = System.nanoTime() + connection.timeout().toNanos();
        while (true) {
            Object execution = connection.client().get("/api/v1/executions/" + pathSegment(id));
            String state = Json.text(execution, "state");
            if (java.util.Set.of("COMPLETED", "FAILED", "COMPENSATED", "COMPENSATION_FAILED").contains(state)) {
                final Object shown = execution;
                print(shown, () -> out.println(Json.pretty(shown)));
                return state.equals("COMPLETED") ? 0 : ClientException.REFUSED;
            }
            if (System.nanoTime() > deadline) {
                throw new ClientException(ClientException.REFUSED, "execution " + id + " is still " + state + " after "
                        + connection.timeout().toSeconds() + " s; follow it with symphainy executions show " + id);
            }
            sleep();
        }
    }

    private String payload(String argument) throws ClientException {
        String text;
        try {
            if (argument == null) {
                text = "{}";
            } else if (argument.equals("-")) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } else if (argument.startsWith("@")) {
                text = Files.readString(Path.of(argument.substring(1)), StandardCharsets.UTF_8);
            } else {
                text = argument;
            }
        } catch (IOException e) {
            throw new ClientException(ClientException.USAGE, "cannot read the payload: " + e.getMessage());
        }
        if (!Json.isJson(text)) {
            throw new ClientException(ClientException.USAGE, "the payload is not JSON: give it as JSON text, @FILE or -"
                    + " (standard input), e.g. '{\"hello\": \"world\"}'");
        }
        return text;
    }

    private int print(Object answer, Runnable human) {
        if (options.flag("--json")) {
            out.println(Json.pretty(answer));
        } else {
            human.run();
        }
        return 0;
    }

    private String required(int index, String what) throws ClientException {
        String word = options.word(index);
        if (word == null) {
            throw new ClientException(ClientException.USAGE, "missing " + what);
        }
        return word;
    }

    private static int usage(String message) throws ClientException {
        throw new ClientException(ClientException.USAGE, message + "; see symphainy --help");
    }

    private static Set<String> union(String... names) {
        Set<String> all = new java.util.HashSet<>(COMMON);
        all.addAll(List.of(names));
        return all;
    }

    private static void appendOptional(StringBuilder body, String name, String value) {
        if (value != null) {
            body.append(", ").append(quote(name)).append(": ").append(quote(value));
        }
    }

    private static String quote(String value) {
        return Json.pretty(value).strip();
    }

    private static String pathSegment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Map<?, ?> map(Object value) {
        return value instanceof Map<?, ?> map ? map : Map.of();
    }

    private static List<String> strings(List<?> values) {
        List<String> strings = new ArrayList<>();
        for (Object value : values) {
            strings.add(String.valueOf(value));
        }
        return strings;
    }

    private static void sleep() throws ClientException {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientException(ClientException.REFUSED, "interrupted");
        }
    }
}
