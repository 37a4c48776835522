package io.mip.node.profile;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.mip.profile.Category;
import io.mip.profile.Deposit;
import io.mip.profile.ProfileLimits;
import io.mip.profile.RecordId;
import io.mip.profile.RecordListing;
import io.mip.profile.client.ProfileJson;
import io.mip.profile.service.ProfileResult;
import io.mip.profile.service.ProfileService;
import java.util.List;

/** The record routes of the profile API (docs/profile.md): deposit, list, fetch, delete, proof. */
final class RecordRoutes {
  /** Largest deposit body: a 1 MiB ciphertext in base64url plus wrapped keys. */
  static final int MAX_DEPOSIT_BODY = 1536 * 1024;

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final ProfileService profiles;
  private final ProfileHttp http;
  private final String audience;

  RecordRoutes(ProfileService profiles, ProfileHttp http, String audience) {
    this.profiles = profiles;
    this.http = http;
    this.audience = audience;
  }

  void register(Javalin app) {
    app.get("/profile/info", this::info);
    app.get("/profile/recipients", this::recipients);
    app.post("/profile/records", this::deposit);
    app.get("/profile/records", this::list);
    app.get("/profile/records/{id}", this::fetch);
    app.delete("/profile/records/{id}", this::delete);
    app.get("/profile/records/{id}/proof", this::proof);
    app.delete("/profile", this::erase);
  }

  private void info(Context ctx) {
    ObjectNode o = F.objectNode();
    o.put("audience", audience);
    o.put("authorization", "MIP <EdDSA JWT, typ mip-request+jwt>");
    o.put("maxRecordBytes", ProfileLimits.MAX_CIPHERTEXT_BYTES);
    ProfileHttp.respond(ctx, 200, ProfileResult.ok(o), v -> v);
  }

  private void recipients(Context ctx) {
    String caller = http.caller(ctx);
    String owner = ProfileHttp.param(ctx.queryParam("owner"), "owner", s -> s);
    Category category = ProfileHttp.param(ctx.queryParam("category"), "category", Category::new);
    ProfileHttp.respond(
        ctx,
        200,
        profiles.recipients(caller, owner, category),
        apps -> {
          ObjectNode o = F.objectNode();
          apps.forEach(o.putArray("apps")::add);
          return o;
        });
  }

  private void deposit(Context ctx) {
    byte[] body = ProfileHttp.jsonBody(ctx, MAX_DEPOSIT_BODY);
    String caller = http.caller(ctx, body);
    Deposit d = ProfileHttp.parse(body, ProfileJson::deposit);
    ProfileHttp.respond(ctx, 201, profiles.deposit(caller, d), ProfileJson::metadata);
  }

  private void list(Context ctx) {
    String caller = http.caller(ctx);
    String owner = ctx.queryParam("owner");
    ProfileResult<List<RecordListing>> r =
        owner == null ? profiles.listOwn(caller) : profiles.listGranted(caller, owner);
    ProfileHttp.respond(
        ctx,
        200,
        r,
        l -> {
          ObjectNode o = F.objectNode();
          var arr = o.putArray("records");
          l.forEach(x -> arr.add(ProfileJson.listing(x)));
          return o;
        });
  }

  private RecordId id(Context ctx) {
    return ProfileHttp.param(ctx.pathParam("id"), "id", RecordId::new);
  }

  private void fetch(Context ctx) {
    String caller = http.caller(ctx);
    ProfileHttp.respond(ctx, 200, profiles.fetch(caller, id(ctx)), ProfileJson::served);
  }

  private void delete(Context ctx) {
    String caller = http.caller(ctx);
    ProfileHttp.respond(
        ctx,
        200,
        profiles.deleteRecord(caller, id(ctx)),
        id -> F.objectNode().put("deleted", id.value()));
  }

  private void proof(Context ctx) {
    String caller = http.caller(ctx);
    ProfileHttp.respond(ctx, 200, profiles.proof(caller, id(ctx)), p -> p.toJson());
  }

  private void erase(Context ctx) {
    String caller = http.caller(ctx);
    ProfileHttp.respond(
        ctx, 200, profiles.eraseProfile(caller), n -> F.objectNode().put("erased", n));
  }
}
