package cli

import (
	"errors"

	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/keys"
)

// keysOf finds the acting person's private keys (pkg/keys): none is not
// an error, a key file that cannot be used is.
func (g *globals) keysOf(author casework.Author) (*keys.Keys, error) {
	k, err := keys.Load(g.env.Getenv, author.Email)
	var pp *keys.PassphraseError
	switch {
	case errors.As(err, &pp):
		return nil, hintf(err, "use a key without a passphrase, kept on an encrypted disk (caseplan key new makes one), or point %s at another", keys.EnvSigning)
	case err != nil:
		return nil, hintf(err, "caseplan key show says where the keys are looked for")
	}
	return k, nil
}
