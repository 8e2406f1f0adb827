using System.ComponentModel.DataAnnotations;

namespace HelpdeskIdentity.Api.Pages.Account;

/// <summary>The forgot-password form: only the address.</summary>
public sealed class ForgotPasswordInput
{
    [Required(ErrorMessageResourceType = typeof(PageText), ErrorMessageResourceName = nameof(PageText.EmailRequired))]
    [StringLength(254, ErrorMessageResourceType = typeof(PageText), ErrorMessageResourceName = nameof(PageText.EmailTooLong))]
    public string Email { get; set; } = "";
}
