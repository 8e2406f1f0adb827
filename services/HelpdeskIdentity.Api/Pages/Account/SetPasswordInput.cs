using System.ComponentModel.DataAnnotations;

namespace HelpdeskIdentity.Api.Pages.Account;

/// <summary>The set-password form: the new password twice (up to 1024 characters; the policy says the rest). The change-password form adds the current one.</summary>
public class SetPasswordInput
{
    [Required(ErrorMessageResourceType = typeof(PageText), ErrorMessageResourceName = nameof(PageText.NewPasswordRequired))]
    [StringLength(1024, ErrorMessageResourceType = typeof(PageText), ErrorMessageResourceName = nameof(PageText.PasswordTooLong))]
    [DataType(DataType.Password)]
    public string NewPassword { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(PageText), ErrorMessageResourceName = nameof(PageText.ConfirmPasswordRequired))]
    [StringLength(1024, ErrorMessageResourceType = typeof(PageText), ErrorMessageResourceName = nameof(PageText.PasswordTooLong))]
    [DataType(DataType.Password)]
    public string ConfirmPassword { get; set; } = "";
}
