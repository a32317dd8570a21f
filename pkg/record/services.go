package record

// Services is a case's referrals to supportive services and training,
// cases/<id>/services.yaml (001, 003).
type Services struct {
	Referrals []Referral `yaml:"referrals,omitempty" json:"referrals,omitempty"`
}

// Referral is one referral.
type Referral struct {
	ID       string `yaml:"id" json:"id"` // R-7QX2K; R1, R2, ... before IDs were random
	Service  string `yaml:"service" json:"service"`
	Provider string `yaml:"provider" json:"provider"`
	Category string `yaml:"category,omitempty" json:"category,omitempty"` // supportive, training, education, employment or other
	Referred Date   `yaml:"referred" json:"referred"`
	Status   string `yaml:"status" json:"status"` // referred, accepted, in-progress, completed, declined or expired
	Updated  Date   `yaml:"updated,omitempty" json:"updated,omitempty"`
	Outcome  string `yaml:"outcome,omitempty" json:"outcome,omitempty"`
}

// TrainingOrEducation is whether the referral is to training or education,
// the referrals 003 (item 9) bounds by the months after cash assistance.
func (r Referral) TrainingOrEducation() bool {
	return r.Category == "training" || r.Category == "education"
}
