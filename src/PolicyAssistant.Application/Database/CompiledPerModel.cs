using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Metadata;

namespace PolicyAssistant.Application.Database;

/// <summary>
/// A query compiled once per model, for the hot path: EF refuses to run a compiled query against a model other than the
/// first it ran on, and SQLite and PostgreSQL (side by side in the tests) each have their own.
/// </summary>
internal sealed class CompiledPerModel<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _compiled = [];

    public TQuery For(DbContext db) => _compiled.GetValue(db.Model, _ => compile());
}
