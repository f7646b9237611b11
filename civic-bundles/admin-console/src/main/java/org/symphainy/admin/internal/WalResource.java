package org.symphainy.admin.internal;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
import org.symphainy.foundations.rest.JsonOutput;
import org.symphainy.foundations.rest.ProblemException;
import org.symphainy.foundations.rest.Problems;
import org.symphainy.sdk.ledger.Ledger;
import org.symphainy.sdk.ledger.LedgerRecord;

/** {@code /admin/v1/wal}: the write-ahead log by sequence range, and one execution's records. */
@Path("v1/wal")
@Produces(MediaType.APPLICATION_JSON)
@Component(service = WalResource.class)
@JakartarsResource
@JakartarsName("symphainy.admin.wal")
@JakartarsApplicationSelect(AdminApplication.SELECT)
public final class WalResource {

    /** Records per page when the request names no limit. */
    static final int DEFAULT_LIMIT = 100;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Ledger ledger;

    /** Records {@code from} and after, at most {@code limit}, with the last sequence and the next page's URL. */
    @GET
    public Response range(@QueryParam("from") String from, @QueryParam("limit") String limit) {
        long first = number("from", from, 1, 1, Long.MAX_VALUE);
        int most = (int) number("limit", limit, DEFAULT_LIMIT, 1, Ledger.MAX_PAGE);
        Ledger active = ledger();
        List<LedgerRecord> records = active.range(first, most);
        long last = active.lastSequence();
        return Services.json(JsonOutput.bytes(json -> {
            json.writeStartObject();
            AdminJson.records(json, records);
            json.writeNumberField("lastSequence", last);
            long after = records.isEmpty() ? first : records.get(records.size() - 1).sequence() + 1;
            JsonOutput.optional(json, "next", after <= last ? "/admin/v1/wal?from=" + after + "&limit=" + most : null);
            json.writeEndObject();
        }));
    }

    /** Every record of execution {@code id}, oldest first. */
    @GET
    @Path("executions/{id}")
    public Response execution(@PathParam("id") String id) {
        List<LedgerRecord> records = id.length() > 256 ? List.of() : ledger().execution(id);
        return Services.json(JsonOutput.bytes(json -> {
            json.writeStartObject();
            AdminJson.records(json, records);
            json.writeEndObject();
        }));
    }

    private Ledger ledger() {
        return Services.required(ledger, "Ledger (Runtime)");
    }

    /** The query parameter {@code name} as a number in range, {@code otherwise} if absent; 400 if not. */
    static long number(String name, String value, long otherwise, long min, long max) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            long number = Long.parseLong(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ProblemException(Problems.invalidRequest(name + " must be a whole number from " + min + " to "
                + max));
    }
}
