using System.ComponentModel.DataAnnotations;

namespace HelpdeskIdentity.Api.Pages.Account;

/// <summary>The forgot-password form: only the address.</summary>
public sealed class ForgotPasswordInput
{
    [Required(ErrorMessage = PageText.EmailRequired)]
    [StringLength(254, ErrorMessage = PageText.EmailTooLong)]
    public string Email { get; set; } = "";
}
