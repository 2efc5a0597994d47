using PolicyAssistant.Conversation.State;
using PolicyAssistant.Conversation.Turns;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Conversation.Tests.State;

public sealed class BotStateTests
{
    private const string ConversationKey = "test/conversations/conversation-1";
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task GetAsync_NothingStored_ReturnsTheDefaultWithoutWritingIt()
    {
        var storage = new MemoryStorage();
        var state = new ConversationState(storage);
        var turn = NewTurn();

        var profile = await state.CreateProperty<Profile>("Profile").GetAsync(turn, () => new Profile("新用户", []), None);
        await state.SaveChangesAsync(turn, None);

        Assert.Equal("新用户", profile.Nickname);
        Assert.Empty(await storage.ReadAsync([ConversationKey], None));
    }

    [Fact]
    public async Task SetAsync_ThenNextTurn_ReadsTheTypedRecord()
    {
        var storage = new MemoryStorage();
        var written = new ConversationState(storage);
        await SaveAsync(written, written.CreateProperty<Profile>("Profile"), new Profile("王秀英", [11804.5m, 1156m]));

        var turn = NewTurn();
        var read = await new ConversationState(storage).CreateProperty<Profile>("Profile").GetAsync(turn, () => new Profile("新用户", []), None);

        Assert.Equal("王秀英", read.Nickname);
        Assert.Equal([11804.5m, 1156m], read.Bills);
    }

    [Fact]
    public async Task GetAsync_ChangedInPlace_ChangeIsSaved()
    {
        var storage = new MemoryStorage();
        var state = new ConversationState(storage);
        var bills = state.CreateProperty<List<decimal>>("Bills");
        var turn = NewTurn();

        (await bills.GetAsync(turn, () => [], None)).Add(300m);
        (await bills.GetAsync(turn, () => [], None)).Add(200m);
        await state.SaveChangesAsync(turn, None);

        Assert.Equal("""{"Bills":[300,200]}""", (await storage.ReadAsync([ConversationKey], None))[ConversationKey].Json);
    }

    [Fact]
    public async Task SaveChangesAsync_NothingChanged_DoesNotWrite()
    {
        var storage = new MemoryStorage();
        var state = new ConversationState(storage);
        var property = state.CreateProperty<Profile>("Profile");
        await SaveAsync(state, property, new Profile("王秀英", []));
        var etagBefore = (await storage.ReadAsync([ConversationKey], None))[ConversationKey].ETag;

        var turn = NewTurn();
        await property.SetAsync(turn, await property.GetAsync(turn, () => new Profile("新用户", []), None) with { }, None);
        await state.SaveChangesAsync(turn, None);

        Assert.Equal(etagBefore, (await storage.ReadAsync([ConversationKey], None))[ConversationKey].ETag);
    }

    [Fact]
    public async Task DeleteAsync_Property_IsGoneAfterSave()
    {
        var storage = new MemoryStorage();
        var state = new ConversationState(storage);
        var property = state.CreateProperty<Profile>("Profile");
        await SaveAsync(state, property, new Profile("王秀英", []));

        var turn = NewTurn();
        await property.DeleteAsync(turn, None);
        await state.SaveChangesAsync(turn, None);

        Assert.Equal("{}", (await storage.ReadAsync([ConversationKey], None))[ConversationKey].Json);
    }

    [Fact]
    public async Task States_SameTurn_AreKeyedByConversationAndByUser()
    {
        var storage = new MemoryStorage();
        var turn = NewTurn();
        var conversationState = new ConversationState(storage);
        var userState = new UserState(storage);
        await conversationState.CreateProperty<int>("Step").SetAsync(turn, 2, None);
        await userState.CreateProperty<string>("HouseholdId").SetAsync(turn, "H-001", None);

        await conversationState.SaveChangesAsync(turn, None);
        await userState.SaveChangesAsync(turn, None);

        var stored = await storage.ReadAsync([ConversationKey, "test/users/user-1"], None);
        Assert.Equal("""{"Step":2}""", stored[ConversationKey].Json);
        Assert.Equal("""{"HouseholdId":"H-001"}""", stored["test/users/user-1"].Json);
    }

    [Fact]
    public async Task SaveChangesAsync_AnotherTurnSavedFirst_ThrowsConflict()
    {
        var storage = new MemoryStorage();
        var state = new ConversationState(storage);
        var step = state.CreateProperty<int>("Step");
        await SaveAsync(state, step, 1);
        var (first, second) = (NewTurn(), NewTurn());
        await step.GetAsync(first, () => 0, None);
        await step.GetAsync(second, () => 0, None);

        await step.SetAsync(first, 2, None);
        await state.SaveChangesAsync(first, None);
        await step.SetAsync(second, 3, None);

        await Assert.ThrowsAsync<StorageConflictException>(() => state.SaveChangesAsync(second, None));
    }

    [Fact]
    public async Task GetAsync_StoredShapeNoLongerFits_StartsAfreshAndLogsWithoutTheValue()
    {
        var storage = new MemoryStorage();
        await storage.WriteAsync(new Dictionary<string, StoreItem> { [ConversationKey] = new("""{"Step":"王秀英"}""", null) }, None);
        var logger = new ListLogger<ConversationState>();
        var state = new ConversationState(storage, logger);
        var turn = NewTurn();

        var step = await state.CreateProperty<int>("Step").GetAsync(turn, () => 0, None);
        await state.SaveChangesAsync(turn, None);

        Assert.Equal(0, step);
        Assert.Equal("""{"Step":0}""", (await storage.ReadAsync([ConversationKey], None))[ConversationKey].Json);
        var line = Assert.Single(logger.Lines);
        Assert.Equal(ConversationLogEvents.StatePropertyUnreadable, line.EventId.Id);
        Assert.DoesNotContain("王秀英", line.Message);
    }

    [Fact]
    public async Task DeleteAsync_State_RemovesTheDocument()
    {
        var storage = new MemoryStorage();
        var state = new UserState(storage);
        await SaveAsync(state, state.CreateProperty<string>("HouseholdId"), "H-001");

        await state.DeleteAsync(NewTurn(), None);

        Assert.Empty(await storage.ReadAsync(["test/users/user-1"], None));
    }

    [Fact]
    public async Task GetAsync_ActivityWithoutConversation_IsABug()
    {
        var turn = new TurnContext(Activity.CreateMessage(TestFlow.ChannelId, "", TestFlow.User, TestFlow.Bot, "你好"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => new ConversationState(new MemoryStorage()).LoadAsync(turn, None));
    }

    private static TurnContext NewTurn() => new(TestFlow.Message("你好"));

    private static async Task SaveAsync<T>(BotState state, IStatePropertyAccessor<T> property, T value)
    {
        var turn = NewTurn();
        await property.SetAsync(turn, value, None);
        await state.SaveChangesAsync(turn, None);
    }

    private sealed record Profile(string Nickname, List<decimal> Bills);
}
