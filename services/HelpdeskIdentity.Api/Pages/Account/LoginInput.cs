using System.ComponentModel.DataAnnotations;

namespace HelpdeskIdentity.Api.Pages.Account;

/// <summary>The sign-in form. Passwords are taken whole up to 1024 characters (NIST: at least 64, never truncated).</summary>
public sealed class LoginInput
{
    [Required(ErrorMessageResourceType = typeof(PageText), ErrorMessageResourceName = nameof(PageText.EmailRequired))]
    [StringLength(254, ErrorMessageResourceType = typeof(PageText), ErrorMessageResourceName = nameof(PageText.EmailTooLong))]
    public string Email { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(PageText), ErrorMessageResourceName = nameof(PageText.PasswordRequired))]
    [StringLength(1024, ErrorMessageResourceType = typeof(PageText), ErrorMessageResourceName = nameof(PageText.PasswordTooLong))]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    public bool KeepSignedIn { get; set; }
}
