global using Conduit.Redis.Tests.Infrastructure;
global using Xunit;
global using Conduit.Tests.Support;
