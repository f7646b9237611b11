package org.symphainy.admin.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The admin console's configuration (PID {@value #PID}, e.g. {@code etc/org.symphainy.admin.cfg}). A value out of range
 * is refused with an ERROR line and the defaults apply.
 */
@ObjectClassDefinition(id = AdminConfig.PID, name = "Symphainy admin console",
        description = "Request limits of the admin API under /admin/v1")
public @interface AdminConfig {

    /** The configuration PID every admin component reads. */
    String PID = "org.symphainy.admin";

    @AttributeDefinition(description = "Largest JSON request body, in bytes")
    int maxBodyBytes() default 1_114_112;

    @AttributeDefinition(description = "Deepest nesting of JSON objects and arrays in a request body")
    int maxNestingDepth() default 64;

    @AttributeDefinition(description = "Longest JSON string in a request body, in characters")
    int maxStringLength() default 1_048_576;

    @AttributeDefinition(description = "Longest JSON number in a request body, in characters")
    int maxNumberLength() default 100;

    @AttributeDefinition(description = "Seconds an API key or JWT is trusted before it is checked again")
    int credentialCacheSeconds() default 60;

    @AttributeDefinition(description = "Largest bundle jar an upload may carry, in bytes")
    int maxBundleBytes() default 64 * 1024 * 1024;
}
