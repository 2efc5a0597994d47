using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using PolicyAssistant.Application.Staff;

namespace PolicyAssistant.Application.Database;

/// <summary>
/// The one database of the product. Each feature folder in this project contributes its
/// entity mappings as <see cref="IEntityTypeConfiguration{TEntity}"/> classes; the context
/// picks them all up, so adding a feature never edits this file. The staff accounts are
/// ASP.NET Core Identity's, mapped by its base class and renamed in Staff/.
/// </summary>
public sealed class PolicyAssistantDbContext(DbContextOptions<PolicyAssistantDbContext> options)
    : IdentityDbContext<StaffUser, IdentityRole<int>, int>(options), IDataProtectionKeyContext
{
    /// <summary>The data-protection key ring (cookies, anti-forgery tokens), shared by every instance on this database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PolicyAssistantDbContext).Assembly);
    }
}
