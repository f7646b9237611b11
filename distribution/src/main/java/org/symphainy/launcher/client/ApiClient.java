package org.symphainy.launcher.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * HTTP to a running container, as one principal: every request carries {@code Authorization: Bearer <API key>} (the
 * server checks it and keeps a session for it). A 2xx answer comes back parsed; anything else becomes a
 * {@link ClientException} with the problem's title and detail, never a stack trace.
 */
final class ApiClient {

    private final URI base;
    private final String credential;
    private final HttpClient http;
    private final Duration timeout;

    ApiClient(URI base, String credential, Duration timeout) {
        this.base = base;
        this.credential = credential;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** GETs {@code path} (absolute, e.g. {@code /api/v1/executions}). */
    Object get(String path) throws ClientException {
        return send(request(path).GET());
    }

    /** POSTs {@code json} to {@code path}. */
    Object postJson(String path, String json) throws ClientException {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    /** POSTs {@code bytes} of {@code contentType} to {@code path}. */
    Object postBytes(String path, byte[] bytes, String contentType) throws ClientException {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).header("Accept", "application/json")
                .header("Authorization", "Bearer " + credential);
    }

    private Object send(HttpRequest.Builder builder) throws ClientException {
        HttpRequest request = builder.build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException e) {
            throw new ClientException(ClientException.ENVIRONMENT, "no container answers at " + base
                    + ": start it with bin/symphainy, or point the client at it with --url or SYMPHAINY_URL");
        } catch (IOException e) {
            throw new ClientException(ClientException.ENVIRONMENT, request.method() + " " + request.uri() + " failed: "
                    + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientException(ClientException.REFUSED, "interrupted");
        }
        return answer(request, response.statusCode(), response.body());
    }

    /** The parsed body of a 2xx answer; a ClientException naming the problem otherwise. */
    static Object answer(HttpRequest request, int status, String body) throws ClientException {
        Object parsed = null;
        try {
            parsed = body == null || body.isBlank() ? null : Json.parse(body);
        } catch (IOException e) {
            if (status / 100 == 2) {
                throw new ClientException(ClientException.REFUSED, request.method() + " " + request.uri().getPath()
                        + " answered " + status + " with a body that is not JSON");
            }
        }
        if (status / 100 == 2) {
            return parsed;
        }
        String title = Json.text(parsed, "title");
        String detail = Json.text(parsed, "detail");
        StringBuilder message = new StringBuilder().append(request.method()).append(' ').append(request.uri().getPath())
                .append(": ").append(status);
        if (!title.isEmpty()) {
            message.append(' ').append(title);
        }
        if (!detail.isEmpty()) {
            message.append(": ").append(detail);
        }
        if (status == 401) {
            message.append(" (check the API key: --key-file FILE or SYMPHAINY_API_KEY)");
        }
        return fail(message.toString());
    }

    private static Object fail(String message) throws ClientException {
        throw new ClientException(ClientException.REFUSED, message);
    }
}
