package io.mip.profile.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.mip.ledger.Operation;
import io.mip.profile.Deposit;
import io.mip.profile.ProfileReader;
import io.mip.profile.RecordId;
import io.mip.profile.RecordMetadata;
import io.mip.profile.ServedRecord;
import io.mip.profile.auth.AuthOutcome;
import io.mip.profile.auth.RequestAuthenticator;
import io.mip.profile.auth.RequestSigner;
import io.mip.profile.client.ProfileJson;
import io.mip.profile.service.ProfileResult;
import io.mip.profile.service.ProfileServices;
import java.io.IOException;
import java.time.Clock;

/** What the node does per request, minus the socket, plus the app's signing and opening. */
final class NodeSide {
  private static final byte[] EMPTY = new byte[0];

  private final ProfileServices services;
  private final RequestAuthenticator auth;

  NodeSide(ProfileServices services, RequestAuthenticator auth) {
    this.services = services;
    this.auth = auth;
  }

  static byte[] depositBody(Deposit d) {
    try {
      return Operation.json().writeValueAsBytes(ProfileJson.deposit(d));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private String authenticate(ProfileBench.Party caller, String method, String target, byte[] b) {
    String header =
        new RequestSigner(caller.did(), caller.signing(), Clock.systemUTC())
            .authorization(auth.audience(), method, target, b);
    AuthOutcome outcome = auth.authenticate(header, method, target, b);
    if (!outcome.accepted()) {
      throw new IllegalStateException("benchmark request refused: " + outcome.detail());
    }
    return outcome.party().get();
  }

  RecordId deposit(ProfileBench.Party app, byte[] body) {
    String caller = authenticate(app, "POST", "/profile/records", body);
    JsonNode json;
    try {
      json = ProfileJson.mapper().readTree(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    ProfileResult<RecordMetadata> r =
        services.profiles().deposit(caller, ProfileJson.deposit(json));
    return r.value().id();
  }

  void read(ProfileBench.Party app, RecordId id) {
    String caller = authenticate(app, "GET", "/profile/records/" + id.value(), EMPTY);
    ServedRecord served = services.profiles().fetch(caller, id).value();
    byte[] wire;
    try {
      wire = Operation.json().writeValueAsBytes(ProfileJson.served(served));
      ServedRecord received = ProfileJson.served(ProfileJson.mapper().readTree(wire));
      if (!new ProfileReader(app.did(), app.agreement())
          .open(received.metadata(), received.ciphertext(), received.key())
          .isOpened()) {
        throw new IllegalStateException("benchmark record did not open");
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
