namespace PolicyAssistant.Domain.Tickets;

/// <summary>How a staff answer reaches the household.</summary>
public enum TicketDelivery
{
    /// <summary>A WeChat customer-service message (客服消息), allowed within 48 hours of the user's last message.</summary>
    CustomerServiceMessage,

    Sms,

    /// <summary>Neither: past WeChat's window (or not on WeChat) and no phone number known.</summary>
    Undeliverable,
}

public static class TicketDeliveryRule
{
    /// <summary>WeChat lets an account push customer-service messages for 48 hours after the user last wrote or clicked.</summary>
    public static readonly TimeSpan CustomerServiceWindow = TimeSpan.FromHours(48);

    /// <param name="lastUserMessageAt">When the user last wrote to the account; null when unknown.</param>
    public static TicketDelivery Choose(bool onWeChat, DateTimeOffset? lastUserMessageAt, DateTimeOffset now, bool hasPhone)
    {
        if (onWeChat && lastUserMessageAt is { } last && now - last < CustomerServiceWindow)
        {
            return TicketDelivery.CustomerServiceMessage;
        }

        return hasPhone ? TicketDelivery.Sms : TicketDelivery.Undeliverable;
    }
}
