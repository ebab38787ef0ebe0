package io.lakeops.web.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Name-and-password pairs verified recently, so that a script calling the API with HTTP Basic pays
 * bcrypt once per {@code lakeops.security.credential-cache} instead of on every call. An entry is
 * keyed by an HMAC-SHA256 of the name and password under a key made at start and never stored or
 * shown: the cache holds no password and nothing that outlives the process. Users and passwords are
 * read at start, so changing a password (which takes a restart) drops every entry; a zero duration
 * turns the cache off.
 */
final class VerifiedCredentials {
  private static final String HMAC = "HmacSHA256";

  private final Cache<String, Users.Account> verified;
  private final SecretKeySpec key;
  private final boolean enabled;

  VerifiedCredentials(Duration ttl, long maxEntries, Ticker ticker) {
    this.enabled = !ttl.isZero() && !ttl.isNegative();
    this.verified =
        Caffeine.newBuilder()
            .expireAfterWrite(enabled ? ttl : Duration.ofNanos(1))
            .maximumSize(maxEntries)
            .ticker(ticker)
            .build();
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, HMAC);
  }

  /** The account these credentials were verified for within the time to live. */
  Optional<Users.Account> find(String name, char[] password) {
    return enabled
        ? Optional.ofNullable(verified.getIfPresent(digest(name, password)))
        : Optional.empty();
  }

  /** Remembers that bcrypt accepted these credentials for {@code account}. */
  void remember(String name, char[] password, Users.Account account) {
    if (enabled) {
      verified.put(digest(name, password), account);
    }
  }

  private String digest(String name, char[] password) {
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
    byte[] secret = new byte[encoded.remaining()];
    encoded.get(secret);
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(key);
      mac.update(name.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0); // no name/password split reads as another
      return HexFormat.of().formatHex(mac.doFinal(secret));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    } finally {
      Arrays.fill(secret, (byte) 0);
      if (encoded.hasArray()) {
        Arrays.fill(encoded.array(), (byte) 0);
      }
    }
  }
}
