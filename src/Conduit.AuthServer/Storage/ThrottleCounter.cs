namespace Conduit.AuthServer.Storage;

/// <summary>Failed attempts counted under one throttling key since <paramref name="WindowStartedAt"/>.</summary>
internal readonly record struct ThrottleCounter(string Key, int Failures, DateTimeOffset WindowStartedAt);
