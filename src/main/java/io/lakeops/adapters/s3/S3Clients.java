package io.lakeops.adapters.s3;

import io.lakeops.adapters.aws.LoopbackEndpoints;
import io.lakeops.config.LakeConfig;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Builds the S3 client from {@code lakeops.lake.s3.*}. Against AWS: the SDK's default credential
 * and region chains. Against a server on this machine (a loopback endpoint override, S3Proxy in
 * tests): fixed dummy credentials, {@code local}/{@code local}, and us-east-1 unless a region is
 * set, as for DynamoDB. Any endpoint override gets only the checksums an operation requires.
 */
public final class S3Clients {
  static final String LOCAL_CREDENTIAL = "local";

  private S3Clients() {}

  public static S3Client create(LakeConfig.S3 config) {
    S3ClientBuilder builder =
        S3Client.builder()
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .forcePathStyle(config.pathStyle());
    config.region().map(Region::of).ifPresent(builder::region);
    config.endpointOverride().ifPresent(builder::endpointOverride);
    if (config.endpointOverride().isPresent()) {
      // The SDK's default flexible checksums (x-amz-checksum-mode on GetObject, trailing checksums
      // on PutObject) are refused by S3-compatible servers that predate them: S3Proxy 2.7 answers
      // 501 NotImplemented. Only what the operation requires is sent to another endpoint.
      builder
          .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
          .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    }
    if (config.endpointOverride().filter(LoopbackEndpoints::isLoopback).isPresent()) {
      builder.credentialsProvider(
          StaticCredentialsProvider.create(
              AwsBasicCredentials.create(LOCAL_CREDENTIAL, LOCAL_CREDENTIAL)));
      if (config.region().isEmpty()) {
        builder.region(Region.US_EAST_1);
      }
    }
    return builder.build();
  }
}
