using System.ComponentModel.DataAnnotations;

namespace HelpdeskIdentity.Api.Pages.Account;

/// <summary>A form that asks for the current password again: confirming access, and (with the new address) changing the e-mail.</summary>
public class CurrentPasswordInput
{
    [Required(ErrorMessageResourceType = typeof(AccountText), ErrorMessageResourceName = nameof(AccountText.CurrentPasswordRequired))]
    [StringLength(1024, ErrorMessageResourceType = typeof(PageText), ErrorMessageResourceName = nameof(PageText.PasswordTooLong))]
    [DataType(DataType.Password)]
    public string CurrentPassword { get; set; } = "";
}
