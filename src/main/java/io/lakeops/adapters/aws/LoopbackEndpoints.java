package io.lakeops.adapters.aws;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Whether an endpoint override names a server on this machine (dynalite, S3Proxy in tests): such
 * servers are given fixed dummy credentials, since the SDK's default chains would otherwise probe
 * the instance metadata service for seconds. An AWS or VPC endpoint never counts.
 */
public final class LoopbackEndpoints {
  private LoopbackEndpoints() {}

  public static boolean isLoopback(URI endpoint) {
    String host = endpoint.getHost();
    if (host == null) {
      return false;
    }
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    try {
      // Only literal addresses are checked, so no name is looked up here.
      return host.matches("[0-9.]+|\\[[0-9a-fA-F:]+\\]")
          && InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
