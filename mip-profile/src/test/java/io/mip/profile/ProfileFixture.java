package io.mip.profile;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.did.mip.DidMipPolicy;
import io.mip.did.mip.DidMipResolver;
import io.mip.ledger.OperationPolicy;
import io.mip.ledger.embedded.EmbeddedLedger;
import io.mip.ledger.testing.MutableClock;
import io.mip.profile.app.AppOperations;
import io.mip.profile.app.AppRegistration;
import io.mip.profile.auth.PartyKeys;
import io.mip.profile.auth.ResolverPartyKeys;
import io.mip.profile.client.LocalProfileApi;
import io.mip.profile.service.ProfileServices;
import io.mip.profile.store.ProfileStorage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A node's profile side in one process: a real embedded ledger with the DID and profile policies,
 * did:mip resolution, embedded storage, and started services. The services judge time by a {@link
 * MutableClock}.
 */
public final class ProfileFixture implements AutoCloseable {
  public final Path dir;
  public final EmbeddedLedger ledger;
  public final PartyKeys keys;
  public final MutableClock clock = new MutableClock();
  public final ProfileServices services;

  public ProfileFixture(Path dir) {
    this(dir, ProfileStorage.embedded(dir.resolve("profile")));
  }

  public ProfileFixture(Path dir, ProfileStorage storage) {
    this.dir = dir;
    List<OperationPolicy> policies = new ArrayList<>();
    policies.add(new DidMipPolicy());
    policies.addAll(ProfilePolicies.all());
    this.ledger = EmbeddedLedger.open(dir.resolve("ledger"), policies);
    this.keys = new ResolverPartyKeys(new DidMipResolver(ledger));
    this.services =
        ProfileServices.start(
            storage, ledger, keys, Ed25519PrivateKey.generate(), 256, Duration.ofHours(1), clock);
  }

  /** A record with a text content. */
  public static RecordEnvelope record(String category, String text) {
    return new RecordEnvelope(
        new Category(category),
        "https://schemas.mip.io/" + category + "/v1",
        JsonNodeFactory.instance.objectNode().put("text", text));
  }

  /** A person with a DID. */
  public TestParty person() {
    return TestParty.create(ledger);
  }

  /** An app with a DID and an app.register on the ledger. */
  public TestParty app(String name) {
    TestParty p = TestParty.create(ledger);
    var reg = new AppRegistration(p.did(), name, List.of("https://" + name + ".example/cb"));
    if (!ledger.submit(AppOperations.register(reg, p.signing())).admitted()) {
      throw new IllegalStateException("app registration refused");
    }
    return p;
  }

  public LocalProfileApi api(TestParty p) {
    return new LocalProfileApi(services.profiles(), services.consents(), p.did());
  }

  public PersonProfile personProfile(TestParty p) {
    return new PersonProfile(api(p), p.signing(), p.agreement(), keys, clock);
  }

  public AppProfile appProfile(TestParty p) {
    return new AppProfile(api(p), p.agreement(), keys);
  }

  @Override
  public void close() {
    services.close();
    ledger.close();
  }
}
