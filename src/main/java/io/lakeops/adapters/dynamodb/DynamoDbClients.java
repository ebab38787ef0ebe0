package io.lakeops.adapters.dynamodb;

import io.lakeops.adapters.aws.LoopbackEndpoints;
import io.lakeops.config.StoreConfig;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Builds the DynamoDB client. Against AWS it uses the SDK's default credential and region chains.
 * Against a server on this machine (an endpoint override on a loopback address, like dynalite in
 * tests) it uses fixed dummy credentials and us-east-1 unless a region is configured: such servers
 * check no signature, and the default chains would otherwise probe the instance metadata service
 * for seconds. A non-loopback override (a VPC endpoint) keeps the default chains.
 */
final class DynamoDbClients {
  private DynamoDbClients() {}

  static DynamoDbClient create(StoreConfig.DynamoDb config) {
    DynamoDbClientBuilder builder =
        DynamoDbClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder());
    config.region().map(Region::of).ifPresent(builder::region);
    config.endpointOverride().ifPresent(builder::endpointOverride);
    if (config.endpointOverride().filter(LoopbackEndpoints::isLoopback).isPresent()) {
      builder.credentialsProvider(
          StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
      if (config.region().isEmpty()) {
        builder.region(Region.US_EAST_1);
      }
    }
    return builder.build();
  }
}
