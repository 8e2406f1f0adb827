using System.ComponentModel.DataAnnotations;

namespace HelpdeskIdentity.Api.Pages.Account;

/// <summary>The set-password form: the new password twice (up to 1024 characters; the policy says the rest).</summary>
public sealed class SetPasswordInput
{
    [Required(ErrorMessage = PageText.NewPasswordRequired)]
    [StringLength(1024, ErrorMessage = PageText.PasswordTooLong)]
    [DataType(DataType.Password)]
    public string NewPassword { get; set; } = "";

    [Required(ErrorMessage = PageText.ConfirmPasswordRequired)]
    [StringLength(1024, ErrorMessage = PageText.PasswordTooLong)]
    [DataType(DataType.Password)]
    public string ConfirmPassword { get; set; } = "";
}
