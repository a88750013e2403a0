package org.irsp.codes;

import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-P provider, looked up once. {@code jakarta.json.Json}'s static factories look the provider
 * up on every call, which inside the container scans the application class loader's resources: the
 * single largest cost per frame before this existed.
 */
public final class Wire {

    public static final JsonProvider JSON = JsonProvider.provider();

    private Wire() {}
}
