package org.symphainy.experience.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceObjects;
import org.osgi.framework.ServiceReference;
import org.osgi.service.jakartars.runtime.JakartarsServiceRuntime;
import org.osgi.service.jakartars.runtime.dto.ApplicationDTO;
import org.osgi.service.jakartars.runtime.dto.ResourceDTO;
import org.osgi.service.jakartars.runtime.dto.RuntimeDTO;
import org.symphainy.foundations.openapi.OpenApiDocument;
import org.symphainy.foundations.rest.ProblemException;
import org.symphainy.foundations.rest.Problems;

/**
 * The OpenAPI document of the REST whiteboard's live applications, from its {@link JakartarsServiceRuntime}: every
 * application (base path) with the classes of its resources. Only resources of Symphainy's own bundles (symbolic name
 * {@value #PLATFORM_PREFIX}...) are documented: the document is the platform's contract, and a solution's endpoints
 * are its own (versioned and documented with it, and present only while policy lets it expose them). The document is
 * built once and again only when the runtime's {@code service.changecount} moves (a resource or application came or
 * went).
 */
final class LiveApi {

    /** The symbolic names of the bundles whose resources are documented start so. */
    static final String PLATFORM_PREFIX = "org.symphainy.";

    /** A document built at a change count, for a whiteboard context path. */
    private record Built(long changeCount, String requestBase, byte[] document) {
    }

    private final BundleContext context;
    private final String selfName;
    private final AtomicReference<Built> cache = new AtomicReference<>();

    /** The document as seen from {@code context}, served by this bundle's resource named {@code selfName}. */
    LiveApi(BundleContext context, String selfName) {
        this.context = context;
        this.selfName = selfName;
    }

    /** The document, for a request whose application's base URI has the path {@code requestBase}. */
    byte[] document(String requestBase) {
        ServiceReference<JakartarsServiceRuntime> reference = runtime();
        Object count = reference.getProperty(Constants.SERVICE_CHANGECOUNT);
        long changeCount = count instanceof Number n ? n.longValue() : -1;
        Built built = cache.get();
        if (built != null && changeCount >= 0 && built.changeCount() == changeCount
                && built.requestBase().equals(requestBase)) {
            return built.document();
        }
        JakartarsServiceRuntime runtime = context.getService(reference);
        if (runtime == null) {
            throw unavailable();
        }
        try {
            byte[] document = document(runtime.getRuntimeDTO(), requestBase);
            cache.set(new Built(changeCount, requestBase, document));
            return document;
        } finally {
            context.ungetService(reference);
        }
    }

    private byte[] document(RuntimeDTO dto, String requestBase) {
        List<ApplicationDTO> applications = new ArrayList<>();
        if (dto.defaultApplication != null) {
            applications.add(dto.defaultApplication);
        }
        if (dto.applicationDTOs != null) {
            applications.addAll(List.of(dto.applicationDTOs));
        }
        String contextPath = contextPath(requestBase, applications);
        Map<String, List<Class<?>>> bases = new LinkedHashMap<>();
        for (ApplicationDTO application : applications) {
            List<Class<?>> classes = bases.computeIfAbsent(trim(contextPath + "/" + trim(application.base)),
                    b -> new ArrayList<>());
            for (ResourceDTO resource : application.resourceDTOs == null ? new ResourceDTO[0]
                    : application.resourceDTOs) {
                Class<?> type = platformClass(resource.serviceId);
                if (type != null && !classes.contains(type)) {
                    classes.add(type);
                }
            }
        }
        List<OpenApiDocument.Application> documented = new ArrayList<>();
        bases.forEach((base, classes) -> {
            if (!classes.isEmpty()) {
                documented.add(new OpenApiDocument.Application(base, classes));
            }
        });
        return new OpenApiDocument("Symphainy REST API", context.getBundle().getVersion().toString(),
                "Every live Symphainy REST application on this container, generated from the resources it serves now. "
                        + "Requests need Authorization: Bearer (a session token from POST /api/v1/sessions, an API "
                        + "key or a JWT); errors are application/problem+json (RFC 9457) with a stable type and code.")
                .write(documented);
    }

    /**
     * The whiteboard's context path: the request's base path without the base of the application that serves this
     * resource ({@code /api/} under the default application {@code /} is context path {@code api}).
     */
    private String contextPath(String requestBase, List<ApplicationDTO> applications) {
        String base = trim(requestBase);
        for (ApplicationDTO application : applications) {
            for (ResourceDTO resource : application.resourceDTOs == null ? new ResourceDTO[0]
                    : application.resourceDTOs) {
                String own = trim(application.base);
                if (selfName.equals(resource.name) && isOwn(resource.serviceId) && base.endsWith(own)) {
                    return trim(base.substring(0, base.length() - own.length()));
                }
            }
        }
        return base;
    }

    /** Whether this bundle registered the service {@code serviceId}. */
    private boolean isOwn(long serviceId) {
        ServiceReference<?> reference = reference(serviceId);
        return reference != null && context.getBundle().equals(reference.getBundle());
    }

    /** The class of the resource service {@code serviceId} if a Symphainy bundle registered it; else null. */
    private Class<?> platformClass(long serviceId) {
        ServiceReference<?> reference = reference(serviceId);
        if (reference == null || reference.getBundle() == null
                || !String.valueOf(reference.getBundle().getSymbolicName()).startsWith(PLATFORM_PREFIX)) {
            return null;
        }
        return classOf(reference);
    }

    private ServiceReference<?> reference(long serviceId) {
        try {
            ServiceReference<?>[] references = context.getServiceReferences((String) null,
                    "(" + Constants.SERVICE_ID + "=" + serviceId + ")");
            return references == null ? null : references[0];
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("a service id filter did not parse", e);
        }
    }

    private <S> Class<?> classOf(ServiceReference<S> reference) {
        ServiceObjects<S> objects = context.getServiceObjects(reference);
        S service = objects == null ? null : objects.getService();
        if (service == null) {
            return null; // gone meanwhile
        }
        try {
            return service.getClass();
        } finally {
            objects.ungetService(service);
        }
    }

    private ServiceReference<JakartarsServiceRuntime> runtime() {
        Collection<ServiceReference<JakartarsServiceRuntime>> runtimes;
        try {
            runtimes = context.getServiceReferences(JakartarsServiceRuntime.class, null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("a null filter did not parse", e);
        }
        if (runtimes.isEmpty()) {
            throw unavailable();
        }
        // the container runs one whiteboard; were there several, the highest-ranked (ServiceReference's order)
        return java.util.Collections.max(runtimes);
    }

    private static ProblemException unavailable() {
        return new ProblemException(Problems.unavailable("service-unavailable", "Service unavailable",
                "the REST whiteboard's runtime service is not available right now; retry shortly"));
    }

    private static String trim(String path) {
        int start = 0;
        int end = path.length();
        while (start < end && path.charAt(start) == '/') {
            start++;
        }
        while (end > start && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(start, end);
    }
}
