global using Conduit.Integrations.Tests.Infrastructure;
global using Xunit;
