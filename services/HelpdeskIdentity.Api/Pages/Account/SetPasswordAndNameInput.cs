using System.ComponentModel.DataAnnotations;
using HelpdeskIdentity.Api.Accounts;

namespace HelpdeskIdentity.Api.Pages.Account;

/// <summary>
/// The set-password form of an account without a confirmed name: the new password twice, and the owner's name —
/// pre-filled with what a ticket suggested, kept only once the owner submits it (docs/security.md, finding 2).
/// </summary>
public sealed class SetPasswordAndNameInput : SetPasswordInput
{
    [StringLength(PersonName.MaxLength, ErrorMessageResourceType = typeof(RegisterText), ErrorMessageResourceName = nameof(RegisterText.NameTooLong))]
    public string? Name { get; set; }
}
