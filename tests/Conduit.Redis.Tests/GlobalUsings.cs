global using Conduit.Redis.Tests.Infrastructure;
global using Xunit;
