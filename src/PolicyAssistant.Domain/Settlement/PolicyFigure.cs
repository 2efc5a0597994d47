namespace PolicyAssistant.Domain.Settlement;

/// <summary>Where a figure or rule of a policy file comes from.</summary>
public enum PolicyBasis
{
    /// <summary>Stated in a seed document; <c>Source</c> and <c>Clause</c> say where.</summary>
    Seed,

    /// <summary>A plausible example that the county must confirm before anyone relies on it.</summary>
    Example,
}

/// <summary>Provenance shared by every figure and rule of a <see cref="PolicyParameterSet"/>.</summary>
public interface IPolicyProvenance
{
    PolicyBasis Basis { get; }

    string? Source { get; }

    string? Clause { get; }

    string? Note { get; }
}

/// <summary>One number of a policy (a deductible, a rate, a cap) with where it comes from.</summary>
public sealed record PolicyFigure(decimal Value, PolicyBasis Basis, string? Source = null, string? Clause = null, string? Note = null)
    : IPolicyProvenance
{
    public static implicit operator decimal(PolicyFigure figure) => figure.Value;
}
