global using Conduit.Tests.Support;
global using Xunit;
