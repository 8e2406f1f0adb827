using System.ComponentModel.DataAnnotations;

namespace HelpdeskIdentity.Api.Pages.Account;

/// <summary>The change-password form: the current password, then the new one twice.</summary>
public sealed class ChangePasswordInput : SetPasswordInput
{
    [Required(ErrorMessageResourceType = typeof(AccountText), ErrorMessageResourceName = nameof(AccountText.CurrentPasswordRequired))]
    [StringLength(1024, ErrorMessageResourceType = typeof(PageText), ErrorMessageResourceName = nameof(PageText.PasswordTooLong))]
    [DataType(DataType.Password)]
    public string CurrentPassword { get; set; } = "";
}
