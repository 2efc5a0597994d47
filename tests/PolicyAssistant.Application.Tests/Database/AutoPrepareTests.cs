using Microsoft.EntityFrameworkCore;
using Npgsql;
using PolicyAssistant.Application.Database;

namespace PolicyAssistant.Application.Tests.Database;

/// <summary>PostgreSQL connections prepare the statements the bot repeats, unless the connection string says otherwise.</summary>
public sealed class AutoPrepareTests
{
    [Fact]
    public void Options_ConnectionStringWithoutAutoPrepare_PreparesRepeatedStatements() =>
        Assert.True(MaxAutoPrepare("Host=db.example;Database=policy;Username=app") > 0);

    [Theory]
    [InlineData("Host=db.example;Max Auto Prepare=0", 0)]
    [InlineData("Host=db.example;Max Auto Prepare=200", 200)]
    public void Options_ConnectionStringThatSetsAutoPrepare_KeepsItsValue(string connectionString, int expected) =>
        Assert.Equal(expected, MaxAutoPrepare(connectionString));

    private static int MaxAutoPrepare(string connectionString)
    {
        using var db = new PolicyAssistantDbContext(DatabaseSetup.BuildOptions(DatabaseProvider.PostgreSql, connectionString));
        return new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()).MaxAutoPrepare;
    }
}
