using Disclosure.Store.Data;

namespace Disclosure.Api.Governance;

public static class MembershipExtensions
{
    /// <summary>Whether the membership had been attested by <paramref name="day"/> and is not known to have ended by then.</summary>
    public static bool HeldOn(this Membership m, DateOnly day) =>
        (m.Since is null || m.Since <= day) && (m.Until is null || day <= m.Until) && (m.EndedBy is null || day < m.EndedBy);
}
