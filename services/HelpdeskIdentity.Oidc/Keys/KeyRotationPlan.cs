using HelpdeskIdentity.Oidc.Configuration;

namespace HelpdeskIdentity.Oidc.Keys;

/// <summary>
/// The rotation rules as pure functions of the stored keys and the time, so every instance reaches
/// the same answer: which key signs now, which keys are published, and which key is missing.
/// A key signs from its activation until the next key's activation; it is published from its
/// creation (announced before use) until the longest token lifetime after it stopped signing.
/// </summary>
public sealed class KeyRotationPlan(SigningKeyOptions keys, TimeSpan longestTokenLifetime)
{
    /// <summary>
    /// The key that signs at <paramref name="now"/>: the one activated most recently. When none is
    /// active yet — the first key, made by an instance whose clock ran a moment ahead — the earliest
    /// key signs: nobody can have cached an older key set.
    /// </summary>
    public static StoredSigningKey? Active(IEnumerable<StoredSigningKey> stored, DateTimeOffset now) =>
        stored.Where(k => k.ActivatesAt <= now).MaxBy(k => k.ActivatesAt) ?? stored.MinBy(k => k.ActivatesAt);

    /// <summary>Keys in JWKS at <paramref name="now"/>, oldest first.</summary>
    public IReadOnlyList<StoredSigningKey> Published(IReadOnlyList<StoredSigningKey> stored, DateTimeOffset now) =>
        stored.Where(k => now < PublishedUntil(stored, k)).OrderBy(k => k.ActivatesAt).ToList();

    /// <summary>The longest token lifetime after the key's successor took over; never while no successor has.</summary>
    public DateTimeOffset PublishedUntil(IReadOnlyList<StoredSigningKey> stored, StoredSigningKey key)
    {
        var successor = stored.Where(k => k.ActivatesAt > key.ActivatesAt).MinBy(k => k.ActivatesAt);
        return successor is null ? DateTimeOffset.MaxValue : successor.ActivatesAt + longestTokenLifetime;
    }

    /// <summary>
    /// The key that should exist and does not: with no key at all, one that signs at once (nobody can
    /// have cached an older set); when the active key nears its retirement, its successor, which
    /// activates no sooner than <see cref="SigningKeyOptions.AnnounceBefore"/> from now.
    /// </summary>
    public (DateTimeOffset ActivatesAt, DateTimeOffset RetiresAt)? Missing(IReadOnlyList<StoredSigningKey> stored, DateTimeOffset now)
    {
        var active = Active(stored, now);
        if (active is null)
        {
            return (now, now + keys.RotationInterval);
        }

        if (stored.Any(k => k.ActivatesAt > active.ActivatesAt) || now < active.RetiresAt - keys.AnnounceBefore)
        {
            return null;
        }

        var activatesAt = new[] { active.RetiresAt, now + keys.AnnounceBefore }.Max();
        return (activatesAt, activatesAt + keys.RotationInterval);
    }

    /// <summary>
    /// The key an operator's rotation adds (decision 0048). Routine: a successor announced now that signs
    /// <see cref="SigningKeyOptions.AnnounceBefore"/> from now — nothing when one is already announced. Immediate: a
    /// key that signs at once; the key it replaces retires as any other (published for the longest token lifetime).
    /// </summary>
    public (DateTimeOffset ActivatesAt, DateTimeOffset RetiresAt)? Rotation(IReadOnlyList<StoredSigningKey> stored, DateTimeOffset now, bool immediately)
    {
        if (!immediately && stored.Any(k => k.ActivatesAt > now))
        {
            return null;
        }

        var activatesAt = immediately ? now : now + keys.AnnounceBefore;
        return (activatesAt, activatesAt + keys.RotationInterval);
    }

    /// <summary>Where <paramref name="key"/> stands at <paramref name="now"/>, for an operator's listing.</summary>
    public SigningKeyState State(IReadOnlyList<StoredSigningKey> stored, StoredSigningKey key, DateTimeOffset now) =>
        key.ActivatesAt > now && stored.Any(k => k.ActivatesAt <= now) ? SigningKeyState.Announced
        : ReferenceEquals(Active(stored, now), key) ? SigningKeyState.Active
        : now < PublishedUntil(stored, key) ? SigningKeyState.Retiring
        : SigningKeyState.Retired;

    /// <summary>The next moment any answer above can change.</summary>
    public DateTimeOffset NextChange(IReadOnlyList<StoredSigningKey> stored, DateTimeOffset now) =>
        stored.SelectMany(k => new[] { k.ActivatesAt, k.RetiresAt - keys.AnnounceBefore, PublishedUntil(stored, k) })
            .Where(t => t > now)
            .DefaultIfEmpty(now + keys.RotationInterval)
            .Min();
}

/// <summary>A key's place in its life: in JWKS before it signs, signing, in JWKS after it signed, out of JWKS.</summary>
public enum SigningKeyState
{
    Announced,
    Active,
    Retiring,
    Retired,
}
