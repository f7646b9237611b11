package org.symphainy.admin.internal;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.symphainy.sdk.registry.IntentRegistry;

/** {@code GET /admin/v1/intents}: every declared intent with its bundle and whether a handler is admitted, and refusals. */
@Path("v1/intents")
@Produces(MediaType.APPLICATION_JSON)
@Component(service = IntentsResource.class)
@JakartarsResource
@JakartarsName("symphainy.admin.intents")
@JakartarsApplicationSelect(AdminApplication.SELECT)
public final class IntentsResource {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile IntentRegistry registry;

    /** The registry's intents and refused handlers. */
    @GET
    public Response list() {
        IntentRegistry active = Services.required(registry, "IntentRegistry (Curator)");
        return Services.json(AdminJson.intents(active.intents(), active.refusals()));
    }
}
