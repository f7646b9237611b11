package org.symphainy.sdk.intent;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

import org.symphainy.sdk.internal.Checks;

/**
 * A piece of content a handler produced: a kind (what it means, such as {@code content.document}), a media type (how it
 * is encoded) and the content's bytes, with their SHA-256 hash computed here. A handler creates artifacts with
 * {@link #of(String, String, byte[])}; they have no id and no provenance until the Runtime records them, making
 * {@link #recorded(String, Provenance) recorded copies}. Replay compares artifacts by {@link #contentHash()}. Immutable:
 * content is copied in and out.
 */
public final class Artifact {

    /** The media type of JSON artifacts. */
    public static final String JSON = "application/json";

    private static final Pattern MEDIA_TYPE =
            Pattern.compile("[A-Za-z0-9][\\w!#$&^.+-]*/[A-Za-z0-9][\\w!#$&^.+-]*(\\s*;.*)?");

    private final String id;
    private final String kind;
    private final String mediaType;
    private final byte[] content;
    private final String contentHash;
    private final Provenance provenance;

    private Artifact(String id, String kind, String mediaType, byte[] content, String contentHash,
            Provenance provenance) {
        this.id = id;
        this.kind = kind;
        this.mediaType = mediaType;
        this.content = content;
        this.contentHash = contentHash;
        this.provenance = provenance;
    }

    /** A new, unrecorded artifact; {@code content} is copied. */
    public static Artifact of(String kind, String mediaType, byte[] content) {
        Checks.name("artifact kind", kind, 1, "content.document");
        Checks.present("mediaType", mediaType);
        if (!MEDIA_TYPE.matcher(mediaType).matches()) {
            throw new IllegalArgumentException("mediaType '" + Checks.printable(mediaType)
                    + "' is not a media type such as 'application/json' or 'text/plain; charset=utf-8'");
        }
        byte[] copy = Checks.present("content", content).clone();
        return new Artifact(null, kind, mediaType, copy, sha256(copy), null);
    }

    /** A new, unrecorded JSON artifact ({@value #JSON}). */
    public static Artifact of(String kind, Json content) {
        return of(kind, JSON, Checks.present("content", content).bytes());
    }

    /** A copy of this artifact recorded by the Runtime under {@code id} with {@code provenance}. */
    public Artifact recorded(String id, Provenance provenance) {
        if (isRecorded()) {
            throw new IllegalStateException("artifact " + this.id + " is already recorded; record the handler's "
                    + "original artifact instead");
        }
        Checks.id("artifact id", id);
        Checks.present("provenance", provenance);
        return new Artifact(id, kind, mediaType, content, contentHash, provenance);
    }

    /** True once the Runtime has recorded this artifact. */
    public boolean isRecorded() {
        return id != null;
    }

    /** The id the Runtime gave this artifact; null until recorded. */
    public String id() {
        return id;
    }

    /** What the artifact means, a dotted lower-case name such as {@code content.document}. */
    public String kind() {
        return kind;
    }

    /** How the content is encoded, such as {@code application/json}. */
    public String mediaType() {
        return mediaType;
    }

    /** A copy of the content. */
    public byte[] content() {
        return content.clone();
    }

    /** The content as text, decoded as UTF-8. */
    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    /** The content's size in bytes. */
    public int size() {
        return content.length;
    }

    /** The SHA-256 hash of the content, 64 lower-case hex digits. */
    public String contentHash() {
        return contentHash;
    }

    /** Where the artifact came from; null until recorded. */
    public Provenance provenance() {
        return provenance;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Artifact that && Objects.equals(id, that.id) && kind.equals(that.kind)
                && mediaType.equals(that.mediaType) && contentHash.equals(that.contentHash)
                && Arrays.equals(content, that.content) && Objects.equals(provenance, that.provenance);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, kind, mediaType, contentHash, provenance);
    }

    @Override
    public String toString() {
        return "Artifact[" + (id == null ? "" : id + ", ") + kind + ", " + mediaType + ", " + content.length
                + " bytes, sha256=" + contentHash + "]";
    }

    private static String sha256(byte[] content) {
        return Checks.sha256Hex(content);
    }
}
