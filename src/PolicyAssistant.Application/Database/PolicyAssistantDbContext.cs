using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;

namespace PolicyAssistant.Application.Database;

/// <summary>
/// The one database of the product. Each feature folder in this project contributes its
/// entity mappings as <see cref="IEntityTypeConfiguration{TEntity}"/> classes; the context
/// picks them all up, so adding a feature never edits this file.
/// </summary>
public sealed class PolicyAssistantDbContext(DbContextOptions<PolicyAssistantDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    /// <summary>The data-protection key ring (cookies, anti-forgery tokens), shared by every instance on this database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PolicyAssistantDbContext).Assembly);
}
