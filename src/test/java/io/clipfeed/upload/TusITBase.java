package io.clipfeed.upload;

import org.junit.jupiter.api.BeforeEach;

import io.clipfeed.IntegrationTestBase;

/** The tus ITs' common ground: a raw tus client on the running app and a freshly registered user's token. */
abstract class TusITBase extends IntegrationTestBase {

    TusHttp tus;
    String token;

    @BeforeEach
    void newUserAndClient() {
        tus = new TusHttp(port);
        token = tus.newUser();
    }
}
