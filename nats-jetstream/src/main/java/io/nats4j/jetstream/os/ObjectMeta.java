package io.nats4j.jetstream.os;

import io.nats4j.client.Headers;
import io.nats4j.protocol.NatsIllegalArgumentException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What describes an object besides its bytes: name, description, headers, metadata, chunk size,
 * and for links the target.
 *
 * <pre>{@code
 * ObjectMeta.builder().name("reports/2026-11.pdf").description("monthly report")
 *     .headers(new Headers().put("Content-Type", "application/pdf")).chunkSize(256 * 1024).build();
 * }</pre>
 *
 * @param name the object name (any non-empty text)
 * @param description a description, empty when none
 * @param headers headers stored with the object (a copy; mutating it changes nothing)
 * @param metadata free-form metadata
 * @param chunkSize the chunk size used to store the object, in bytes
 * @param link what this entry links to; empty for a regular object
 */
public record ObjectMeta(String name, String description, Headers headers, Map<String, String> metadata,
        int chunkSize, Optional<ObjectLink> link) {

    /** The chunk size when none is set: 128 KiB. */
    public static final int DEFAULT_CHUNK_SIZE = 128 * 1024;

    /**
     * Checks and copies the components.
     *
     * @param name the object name
     * @param description the description
     * @param headers the headers
     * @param metadata the metadata
     * @param chunkSize the chunk size
     * @param link the link
     * @throws NatsIllegalArgumentException on an empty name or a chunk size below 1
     */
    public ObjectMeta {
        Names.checkObject(name);
        Objects.requireNonNull(description, "description");
        headers = copy(Objects.requireNonNull(headers, "headers"));
        metadata = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        if (chunkSize < 1) {
            throw new NatsIllegalArgumentException("object '" + name + "': chunk size must be positive, was "
                    + chunkSize);
        }
        Objects.requireNonNull(link, "link");
    }

    /**
     * The headers (a copy).
     *
     * @return the headers
     */
    @Override
    public Headers headers() {
        return copy(headers);
    }

    static Headers copy(Headers h) {
        Headers c = new Headers();
        for (String n : h.names()) {
            for (String v : h.values(n)) {
                c.add(n, v);
            }
        }
        return c;
    }

    /**
     * A builder.
     *
     * @return a builder with the defaults: no description, headers or metadata, 128 KiB chunks
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this meta's values (the link excepted).
     *
     * @return a builder
     */
    public Builder toBuilder() {
        return new Builder().name(name).description(description).headers(headers).metadata(metadata)
                .chunkSize(chunkSize);
    }

    /** Builds an {@link ObjectMeta}; the name is required. */
    public static final class Builder {
        private String name;
        private String description = "";
        private Headers headers = new Headers();
        private Map<String, String> metadata = Map.of();
        private int chunkSize = DEFAULT_CHUNK_SIZE;

        private Builder() {
        }

        /**
         * The object name (required).
         *
         * @param name any non-empty text
         * @return this
         */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * A description. Default: empty.
         *
         * @param description the description
         * @return this
         */
        public Builder description(String description) {
            this.description = Objects.requireNonNull(description, "description");
            return this;
        }

        /**
         * Headers stored with the object (copied). Default: none.
         *
         * @param headers the headers
         * @return this
         */
        public Builder headers(Headers headers) {
            this.headers = Objects.requireNonNull(headers, "headers");
            return this;
        }

        /**
         * Free-form metadata. Default: none.
         *
         * @param metadata names to values
         * @return this
         */
        public Builder metadata(Map<String, String> metadata) {
            this.metadata = Objects.requireNonNull(metadata, "metadata");
            return this;
        }

        /**
         * The chunk size. Default: 128 KiB. It must fit the server's max payload.
         *
         * @param bytes the chunk size
         * @return this
         */
        public Builder chunkSize(int bytes) {
            this.chunkSize = bytes;
            return this;
        }

        /**
         * Builds the meta.
         *
         * @return the meta
         * @throws NatsIllegalArgumentException when the name is missing or the chunk size is below 1
         */
        public ObjectMeta build() {
            if (name == null) {
                throw new NatsIllegalArgumentException("an object needs a name");
            }
            return new ObjectMeta(name, description, headers, metadata, chunkSize, Optional.empty());
        }
    }
}
