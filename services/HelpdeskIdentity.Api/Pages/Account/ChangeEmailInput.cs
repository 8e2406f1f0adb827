using System.ComponentModel.DataAnnotations;

namespace HelpdeskIdentity.Api.Pages.Account;

/// <summary>The change-e-mail form: the new address and the current password.</summary>
public sealed class ChangeEmailInput : CurrentPasswordInput
{
    [Required(ErrorMessageResourceType = typeof(AccountText), ErrorMessageResourceName = nameof(AccountText.NewEmailRequired))]
    [StringLength(254, ErrorMessageResourceType = typeof(PageText), ErrorMessageResourceName = nameof(PageText.EmailTooLong))]
    public string NewEmail { get; set; } = "";
}
