package org.irsp.client;

import jakarta.json.spi.JsonProvider;

/** The JSON-P provider, looked up once ({@code jakarta.json.Json} looks it up on every call). */
public final class Wire {

    public static final JsonProvider JSON = JsonProvider.provider();

    private Wire() {}
}
