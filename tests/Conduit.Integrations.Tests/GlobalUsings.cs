global using Conduit.Integrations.Tests.Infrastructure;
global using Conduit.Tests.Support;
global using Xunit;
