package org.symphainy.experience.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.symphainy.foundations.rest.Limits;

/**
 * Experience's configuration (PID {@value #PID}, e.g. {@code etc/org.symphainy.experience.cfg}). A value out of range is
 * refused with an ERROR line and the defaults apply (see {@link Limits}). The bind address and port are the HTTP
 * server's ({@code symphainy.http.host}, {@code symphainy.http.port} or {@code SYMPHAINY_HTTP_PORT}).
 */
@ObjectClassDefinition(id = ExperienceConfig.PID, name = "Symphainy Experience",
        description = "The REST API: request limits and credential handling")
public @interface ExperienceConfig {

    /** The configuration PID every Experience component reads. */
    String PID = "org.symphainy.experience";

    @AttributeDefinition(description = "Largest request body accepted, in bytes (1024 to 67108864); a larger one is "
            + "refused with 413 before it is parsed")
    int maxBodyBytes() default 1_114_112;

    @AttributeDefinition(description = "Deepest nesting of JSON objects and arrays in a request body (2 to 1000)")
    int maxNestingDepth() default 64;

    @AttributeDefinition(description = "Longest JSON string in a request body, in characters (16 to 67108864)")
    int maxStringLength() default 1_048_576;

    @AttributeDefinition(description = "Longest JSON number in a request body, in characters (16 to 10000)")
    int maxNumberLength() default 100;

    @AttributeDefinition(description = "How long an API key or JWT sent instead of a session token is trusted before it "
            + "is checked again, in seconds (0 to 3600; 0 checks it on every request)")
    int credentialCacheSeconds() default 60;
}
