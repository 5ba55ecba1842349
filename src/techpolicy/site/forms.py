from django import forms
from django.contrib.auth.forms import UserCreationForm
from django.utils.translation import gettext_lazy as _

from techpolicy.accounts.models import Organisation, User, bin_validator

BIN_TAKEN = _("An organisation with this BIN is already registered; ask its user to add you.")


class SignUpForm(UserCreationForm):
    """An applicant company registers its organisation and its first user in one step."""

    organisation_name = forms.CharField(label=_("Name of the organisation"), max_length=300)
    bin = forms.CharField(label=_("BIN"), max_length=12, validators=[bin_validator])
    email = forms.EmailField(label=_("E-mail (notices about your cases go here)"))
    language = forms.ChoiceField(label=_("Language of notices"), choices=User._meta.get_field("language").choices)

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ("username", "email", "first_name", "last_name")

    def clean_bin(self):
        value = self.cleaned_data["bin"]
        if Organisation.objects.filter(bin=value).exists():
            raise forms.ValidationError(BIN_TAKEN)
        return value

    def add_taken_errors(self) -> bool:
        """After the database refused the save (a sign-up at the same moment registered the BIN or the
        user name once this form had been validated, issue 8 finding 4): the same errors the checks
        above give, on their fields. False when neither was taken: the refusal has another cause."""
        bin_, username = self.cleaned_data["bin"], self.cleaned_data["username"]
        taken = False
        if Organisation.objects.filter(bin=bin_).exists():
            self.add_error("bin", BIN_TAKEN)
            taken = True
        if User.objects.filter(username__iexact=username).exists():
            self.add_error("username", self.instance.unique_error_message(User, ["username"]))
            taken = True
        return taken

    def save(self, commit=True):
        user = super().save(commit=False)
        user.organisation = Organisation.objects.create(
            name=self.cleaned_data["organisation_name"], bin=self.cleaned_data["bin"])
        user.language = self.cleaned_data["language"]
        user.email = self.cleaned_data["email"]
        if commit:
            user.save()
        return user
