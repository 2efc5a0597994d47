using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolicyAssistant.Domain.Tickets;

namespace PolicyAssistant.Application.Tickets;

public enum TicketStatus
{
    Open,

    /// <summary>Answered and the answer handed to WeChat or the SMS outbox.</summary>
    Closed,
}

/// <summary>
/// A user's request for a person (转人工). One open ticket per channel user; asking again counts on it. It names
/// nobody in the clear: the user by keyed hashes (as bindings and transcripts are keyed), the channel user id
/// encrypted only so the answer can be sent back.
/// </summary>
public sealed class SupportTicket
{
    public int Id { get; set; }

    public required string ChannelId { get; set; }

    /// <summary><see cref="Households.ChannelUser.UserKeyHash"/>: finds the user's open ticket.</summary>
    public required string UserKeyHash { get; set; }

    /// <summary>The conversation's key as the transcripts store it (<see cref="Assistant.Conversations.ConversationKeys"/>).</summary>
    public required string ConversationKey { get; set; }

    /// <summary>The OpenID, phone number or web id, encrypted with the personal-data key.</summary>
    public required string UserIdCiphertext { get; set; }

    /// <summary>Set when the user was bound when asking: the household, and its village for the staff scope.</summary>
    public int? HouseholdId { get; set; }

    public int? MemberId { get; set; }

    public string? VillageCode { get; set; }

    public TicketStatus Status { get; set; }

    public DateTime OpenedAt { get; set; }

    public DateTime LastAskedAt { get; set; }

    public int AskCount { get; set; }

    public string? Answer { get; set; }

    public DateTime? AnsweredAt { get; set; }

    public int? AnsweredBy { get; set; }

    public TicketDelivery? Delivery { get; set; }

    /// <summary>Why the last answer could not be delivered, in words staff read.</summary>
    public string? DeliveryNote { get; set; }
}

internal sealed class SupportTicketConfiguration : IEntityTypeConfiguration<SupportTicket>
{
    public void Configure(EntityTypeBuilder<SupportTicket> builder)
    {
        builder.ToTable("SupportTickets");
        builder.HasKey(ticket => ticket.Id);
        builder.Property(ticket => ticket.ChannelId).HasMaxLength(32);
        builder.Property(ticket => ticket.UserKeyHash).HasMaxLength(128);
        builder.Property(ticket => ticket.ConversationKey).HasMaxLength(256);
        builder.Property(ticket => ticket.UserIdCiphertext).HasMaxLength(512);
        builder.Property(ticket => ticket.VillageCode).HasMaxLength(12);
        builder.Property(ticket => ticket.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(ticket => ticket.Delivery).HasConversion<string>().HasMaxLength(32);
        builder.Property(ticket => ticket.Answer).HasMaxLength(TicketOptions.MaxAnswerLength);
        builder.Property(ticket => ticket.DeliveryNote).HasMaxLength(200);
        builder.HasIndex(ticket => new { ticket.ChannelId, ticket.UserKeyHash, ticket.Status });
        builder.HasIndex(ticket => ticket.Status);
    }
}
