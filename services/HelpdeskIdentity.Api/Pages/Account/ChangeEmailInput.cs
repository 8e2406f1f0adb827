using System.ComponentModel.DataAnnotations;

namespace HelpdeskIdentity.Api.Pages.Account;

/// <summary>The change-e-mail form: the new address and the current password.</summary>
public sealed class ChangeEmailInput
{
    [Required(ErrorMessageResourceType = typeof(AccountText), ErrorMessageResourceName = nameof(AccountText.NewEmailRequired))]
    [StringLength(254, ErrorMessageResourceType = typeof(PageText), ErrorMessageResourceName = nameof(PageText.EmailTooLong))]
    public string NewEmail { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(AccountText), ErrorMessageResourceName = nameof(AccountText.CurrentPasswordRequired))]
    [StringLength(1024, ErrorMessageResourceType = typeof(PageText), ErrorMessageResourceName = nameof(PageText.PasswordTooLong))]
    [DataType(DataType.Password)]
    public string CurrentPassword { get; set; } = "";
}
