package io.mip.sdk.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.crypto.X25519PrivateKey;
import io.mip.did.mip.DidMipOperations;
import io.mip.did.mip.DidMipPolicy;
import io.mip.did.mip.DidMipResolver;
import io.mip.ledger.Operation;
import io.mip.ledger.OperationPolicy;
import io.mip.ledger.embedded.EmbeddedLedger;
import io.mip.profile.CategoryPattern;
import io.mip.profile.PersonProfile;
import io.mip.profile.ProfilePolicies;
import io.mip.profile.RecordId;
import io.mip.profile.auth.PartyKeys;
import io.mip.profile.auth.ResolverPartyKeys;
import io.mip.profile.client.LocalProfileApi;
import io.mip.profile.consent.ConsentGrant;
import io.mip.profile.service.ProfileRefusal.Reason;
import io.mip.profile.service.ProfileServices;
import io.mip.profile.store.ProfileStorage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SDK client against the node's profile services in process (HTTP: mip-node's tests). */
class ProfileClientTest {
  @TempDir Path dir;

  record Party(String did, Ed25519PrivateKey signing, X25519PrivateKey agreement) {}

  static Party party(EmbeddedLedger ledger) {
    Ed25519PrivateKey s = Ed25519PrivateKey.generate();
    X25519PrivateKey a = X25519PrivateKey.generate();
    Operation op = DidMipOperations.create(s, a.publicKey(), List.of());
    assertThat(ledger.submit(op).admitted()).isTrue();
    return new Party(DidMipOperations.didOf(op), s, a);
  }

  @Test
  void depositThenRead_underGrant_opensAndWithoutGrantRefused() {
    List<OperationPolicy> policies = new ArrayList<>(ProfilePolicies.all());
    policies.add(new DidMipPolicy());
    try (EmbeddedLedger ledger = EmbeddedLedger.open(dir.resolve("ledger"), policies)) {
      PartyKeys keys = new ResolverPartyKeys(new DidMipResolver(ledger));
      try (ProfileServices s =
          ProfileServices.start(
              ProfileStorage.embedded(dir.resolve("profile")),
              ledger,
              keys,
              Ed25519PrivateKey.generate(),
              256,
              Duration.ofHours(1),
              Clock.systemUTC())) {
        Party clinic = party(ledger);
        Party person = party(ledger);
        assertThat(
                ledger
                    .submit(
                        ProfileClient.registration(
                            clinic.did(),
                            "Clinic",
                            List.of("https://clinic.example/cb"),
                            clinic.signing()))
                    .admitted())
            .isTrue();
        ProfileClient client =
            new ProfileClient(
                new LocalProfileApi(s.profiles(), s.consents(), clinic.did()),
                clinic.agreement(),
                keys);
        RecordId id =
            client
                .deposit(
                    person.did(),
                    "health.visit",
                    "https://schemas.example/visit/v1",
                    JsonNodeFactory.instance.objectNode().put("reason", "check-up"))
                .value()
                .id();
        assertThat(client.read(id).refusal().reason()).isEqualTo(Reason.NO_GRANT);

        PersonProfile wallet =
            new PersonProfile(
                new LocalProfileApi(s.profiles(), s.consents(), person.did()),
                person.signing(),
                person.agreement(),
                keys,
                Clock.systemUTC());
        wallet
            .grant(
                clinic.did(),
                List.of(new CategoryPattern("health.*")),
                Clock.systemUTC().instant().plusSeconds(600),
                false,
                ConsentGrant.Disclosure.COMMITMENT)
            .value();

        assertThat(client.readable(person.did()).value()).hasSize(1);
        assertThat(
                client.read(id).value().record().get().envelope().content().path("reason").asText())
            .isEqualTo("check-up");
      }
    }
  }
}
