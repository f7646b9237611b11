package org.symphainy.admin.internal;

import java.lang.management.ManagementFactory;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.symphainy.sdk.health.IntentHealth;
import org.symphainy.sdk.ledger.Ledger;

/** {@code GET /admin/v1/metrics}: Prometheus text format 0.0.4 (see {@link Metrics}). */
@Path("v1/metrics")
@Component(service = MetricsResource.class)
@JakartarsResource
@JakartarsName("symphainy.admin.metrics")
@JakartarsApplicationSelect(AdminApplication.SELECT)
public final class MetricsResource {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile IntentHealth health;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Ledger ledger;

    /** The metrics now. */
    @GET
    public Response metrics() {
        IntentHealth nurse = health;
        Ledger wal = ledger;
        String text = Metrics.of(nurse == null ? null : nurse.report(), wal == null ? null : wal.lastSequence(),
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage());
        return Response.ok(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), Metrics.MEDIA_TYPE)
                .header("Cache-Control", "no-store").build();
    }
}
