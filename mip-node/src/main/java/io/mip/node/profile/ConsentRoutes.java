package io.mip.node.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.mip.ledger.MalformedOperationException;
import io.mip.ledger.Operation;
import io.mip.profile.ProfileLimits;
import io.mip.profile.RecordKey;
import io.mip.profile.client.ProfileJson;
import io.mip.profile.consent.ConsentGrant;
import io.mip.profile.service.ConsentService;
import java.util.ArrayList;
import java.util.List;

/** The consent and audit routes of the profile API (docs/profile.md). */
final class ConsentRoutes {
  /** Largest grant body: the grant, its operation and up to 10,000 wrapped keys. */
  static final int MAX_GRANT_BODY = 4 * 1024 * 1024;

  /** Largest revocation body. */
  static final int MAX_REVOKE_BODY = 64 * 1024;

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final ConsentService consents;
  private final ProfileHttp http;

  ConsentRoutes(ConsentService consents, ProfileHttp http) {
    this.consents = consents;
    this.http = http;
  }

  void register(Javalin app) {
    app.get("/profile/consent/head", this::head);
    app.post("/profile/grants", this::grant);
    app.get("/profile/grants", this::grants);
    app.post("/profile/grants/{id}/revoke", this::revoke);
    app.get("/profile/access-log", this::accessLog);
    app.get("/profile/access-log/{seq}/proof", this::accessProof);
  }

  private void head(Context ctx) {
    String caller = http.caller(ctx);
    ProfileHttp.respond(
        ctx,
        200,
        consents.consentHead(caller),
        h -> {
          ObjectNode o = F.objectNode();
          if (h.isPresent()) {
            o.put("head", h.get().value());
          } else {
            o.putNull("head");
          }
          return o;
        });
  }

  private record GrantRequest(ConsentGrant grant, Operation operation, List<RecordKey> keys) {}

  private static Operation operation(JsonNode n) {
    try {
      return Operation.fromJson(n.get("operation"));
    } catch (MalformedOperationException e) {
      throw new IllegalArgumentException("operation: " + e.getMessage());
    }
  }

  private void grant(Context ctx) {
    byte[] body = ProfileHttp.jsonBody(ctx, MAX_GRANT_BODY);
    String caller = http.caller(ctx, body);
    GrantRequest req =
        ProfileHttp.parse(
            body,
            n -> {
              List<RecordKey> keys = new ArrayList<>();
              ProfileJson.array(n, "keys", ProfileLimits.MAX_KEYS_PER_UPLOAD)
                  .forEach(k -> keys.add(ProfileJson.recordKey(k)));
              return new GrantRequest(ConsentGrant.fromJson(n.get("grant")), operation(n), keys);
            });
    ProfileHttp.respond(
        ctx,
        201,
        consents.grant(caller, req.grant(), req.operation(), req.keys()),
        ProfileJson::grant);
  }

  private void grants(Context ctx) {
    String caller = http.caller(ctx);
    ProfileHttp.respond(
        ctx,
        200,
        consents.grants(caller),
        l -> {
          ObjectNode o = F.objectNode();
          var arr = o.putArray("grants");
          l.forEach(g -> arr.add(ProfileJson.grant(g)));
          return o;
        });
  }

  private void revoke(Context ctx) {
    byte[] body = ProfileHttp.jsonBody(ctx, MAX_REVOKE_BODY);
    String caller = http.caller(ctx, body);
    Operation op = ProfileHttp.parse(body, ConsentRoutes::operation);
    ProfileHttp.respond(
        ctx, 200, consents.revoke(caller, ctx.pathParam("id"), op), ProfileJson::grant);
  }

  private void accessLog(Context ctx) {
    String caller = http.caller(ctx);
    long after =
        ProfileHttp.param(
            ctx.queryParamAsClass("after", String.class).getOrDefault("0"),
            "after",
            Long::parseLong);
    int limit =
        ProfileHttp.param(
            ctx.queryParamAsClass("limit", String.class).getOrDefault("1000"),
            "limit",
            Integer::parseInt);
    ProfileHttp.respond(
        ctx,
        200,
        consents.accessLog(caller, after, limit),
        l -> {
          ObjectNode o = F.objectNode();
          var arr = o.putArray("entries");
          l.forEach(e -> arr.add(e.toJson()));
          return o;
        });
  }

  private void accessProof(Context ctx) {
    String caller = http.caller(ctx);
    long seq = ProfileHttp.param(ctx.pathParam("seq"), "seq", Long::parseLong);
    ProfileHttp.respond(ctx, 200, consents.accessProof(caller, seq), p -> p.toJson());
  }
}
