/** Fictional people and businesses for customer contacts. */
export const namePools = {
  firstNames: [
    "Dana", "Jordan", "Maya", "Luis", "Aisha", "Ben", "Chloe", "Diego", "Elena", "Farid",
    "Gwen", "Hiro", "Imani", "Jonas", "Kara", "Liam", "Mei", "Noah", "Olivia", "Pavel",
    "Quinn", "Rosa", "Sanjay", "Tara", "Umar", "Vera", "Wes", "Ximena", "Yusuf", "Zoe",
    "Harriet", "Marco", "Nadia", "Owen", "Renée", "Sofia", "Theo", "Ingrid", "Kofi", "Lena",
  ],
  lastNames: [
    "Whitfield", "Alvarez", "Brennan", "Castillo", "Dubois", "Eriksen", "Fontaine", "Garber", "Hughes", "Ibarra",
    "Jensen", "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Patel", "Quintero", "Rasmussen", "Sato",
    "Thornton", "Ueda", "Valdez", "Walsh", "Yilmaz", "Zimmerman", "Abernathy", "Beaumont", "Caldwell", "Delgado",
    "Ellison", "Fitzgerald", "Greco", "Holloway", "Iverson", "Kaplan", "Marsh", "Novak", "O'Connell", "Prescott",
  ],
  companies: [
    "Brightwater Dental", "Harbor & Pine Realty", "Copperleaf Café", "Summit Ridge Property Management",
    "Bluebird Daycare", "Ironwood Fitness", "Maple Street Veterinary", "Lakeside Storage",
    "Redfern Architects", "Golden Hour Bakery", "Trailhead Outfitters", "Cedar Grove HOA",
    "Northgate Pharmacy", "Saltbox Studios", "Riverbend Auto Repair", "Orchard Lane Apartments",
    "Pinecrest Montessori", "Keystone Plumbing", "Willow & Vine Florals", "Foxglove Books",
  ],
  dealNames: [
    "Monitoring upgrade", "Multi-site rollout", "Camera expansion", "Annual plan renewal",
    "Smart thermostat bundle", "Access control pilot",
  ],
  zipCodes: ["94107", "60614", "78704", "98103", "30306", "02139", "80205", "97214", "55408", "19147"],
} as const;
