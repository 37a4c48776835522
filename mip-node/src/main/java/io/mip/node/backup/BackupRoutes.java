package io.mip.node.backup;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.mip.crypto.Base64Url;
import io.mip.did.mip.DidMipOperations;
import io.mip.node.internal.http.JsonResponses;
import io.mip.node.internal.http.Problem;
import io.mip.node.internal.http.ProblemException;
import io.mip.node.internal.http.RequestBodies;
import io.mip.node.internal.http.SignedRequests;
import io.mip.profile.auth.RequestAuthenticator;
import io.mip.wallet.passport.BackoffPolicy;
import io.mip.wallet.passport.backup.BackupUpload;
import io.mip.wallet.passport.backup.RestoreRequest;

/**
 * The passport backup routes (docs/http-api.md, "Passport backups"):
 *
 * <ul>
 *   <li>{@code GET /passport-backups}: the audience for signed requests and the limits;
 *   <li>{@code PUT /passport-backups/{did}}: store or replace, signed by the DID ({@code
 *       Authorization: MIP}), body at most {@link BackupUpload#MAX_BYTES};
 *   <li>{@code GET /passport-backups/{did}}: the public part, to anyone;
 *   <li>{@code DELETE /passport-backups/{did}}: delete, signed by the DID;
 *   <li>{@code POST /passport-backups/{did}/challenge}: a single-use challenge;
 *   <li>{@code POST /passport-backups/{did}/restore}: the sealed seed, for a signature by the
 *       backup authentication key over the challenge; 429 with {@code Retry-After} when locked.
 * </ul>
 *
 * Handlers only translate between HTTP and {@link BackupVault}; nothing they log or answer holds a
 * secret.
 */
final class BackupRoutes {
  private static final String BASE = "/passport-backups";

  private final BackupVault vault;
  private final RequestAuthenticator auth;
  private final BackoffPolicy backoff;

  BackupRoutes(BackupVault vault, RequestAuthenticator auth, BackoffPolicy backoff) {
    this.vault = vault;
    this.auth = auth;
    this.backoff = backoff;
  }

  void register(Javalin app) {
    app.get(BASE, this::info);
    app.put(BASE + "/{did}", this::put);
    app.get(BASE + "/{did}", this::get);
    app.delete(BASE + "/{did}", this::delete);
    app.post(BASE + "/{did}/challenge", ctx -> withRetryAfter(ctx, () -> challenge(ctx)));
    app.post(BASE + "/{did}/restore", ctx -> withRetryAfter(ctx, () -> restore(ctx)));
  }

  private void info(Context ctx) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("audience", vault.audience());
    o.put("maxUploadBytes", BackupUpload.MAX_BYTES);
    o.put("challengeSeconds", RestoreChallenges.LIFETIME.toSeconds());
    ObjectNode b = o.putObject("backoff");
    b.put("freeAttempts", backoff.freeAttempts());
    b.put("firstDelaySeconds", backoff.firstDelay().toSeconds());
    b.put("maxDelaySeconds", backoff.maxDelay().toSeconds());
    JsonResponses.json(ctx, 200, o);
  }

  private void put(Context ctx) {
    String did = did(ctx);
    RequestBodies.requireJson(ctx);
    byte[] body = RequestBodies.read(ctx, BackupUpload.MAX_BYTES);
    authenticateAs(ctx, did, body);
    boolean replaced = vault.put(did, body);
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("did", did);
    o.put("replaced", replaced);
    JsonResponses.json(ctx, replaced ? 200 : 201, o);
  }

  private void get(Context ctx) {
    BackupStore.Stored b = vault.current(did(ctx));
    ctx.status(200).contentType(JsonResponses.JSON).result(b.publicJson());
  }

  private void delete(Context ctx) {
    String did = did(ctx);
    authenticateAs(ctx, did, RequestBodies.read(ctx, 0));
    vault.delete(did);
    ctx.status(204);
  }

  private void challenge(Context ctx) {
    String did = did(ctx);
    RequestBodies.read(ctx, 0);
    JsonResponses.json(ctx, 201, vault.challenge(did).toJson());
  }

  private void restore(Context ctx) {
    String did = did(ctx);
    RequestBodies.requireJson(ctx);
    byte[] sealed = vault.restore(did, RequestBodies.read(ctx, RestoreRequest.MAX_BYTES));
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("did", did);
    ObjectNode seed = o.putObject("seed");
    seed.put("alg", "A256GCM");
    seed.put("sealed", Base64Url.encode(sealed));
    ctx.header("Cache-Control", "no-store");
    JsonResponses.json(ctx, 200, o);
  }

  /** Runs a handler and turns a lock-out into a Retry-After header beside the 429 problem. */
  private static void withRetryAfter(Context ctx, Runnable handler) {
    try {
      handler.run();
    } catch (ProblemException e) {
      Problem p = e.problem();
      if (p.status() == 429 && p.extensions().containsKey("retryAfter")) {
        ctx.header("Retry-After", p.extensions().get("retryAfter").asText());
      }
      throw e;
    }
  }

  /** Authenticates a signed request and requires it to come from {@code did} itself. */
  private void authenticateAs(Context ctx, String did, byte[] body) {
    if (!SignedRequests.caller(ctx, auth, body).equals(did)) {
      throw BackupProblems.wrongParty();
    }
  }

  private static String did(Context ctx) {
    String did = ctx.pathParam("did");
    if (did.length() > 200 || !DidMipOperations.isValidDid(did)) {
      throw BackupProblems.invalidDid();
    }
    return did;
  }
}
