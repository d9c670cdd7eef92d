/**
 * Danish words people build passwords from, for the strength check (password-strength.server.ts).
 * zxcvbn-ts publishes no Danish dictionary, and its English lists miss "sommer2026" or
 * "kodeord123". Written for Frivilligbro, roughly most-guessed first (the position is the rank
 * zxcvbn uses as the number of guesses). Lower case; words with æ, ø, å also appear the way they
 * are typed on a keyboard without them (ae, oe, aa).
 */
export const DANISH_PASSWORD_WORDS = [
  // Password words and the app itself
  'kodeord', 'adgangskode', 'password', 'hemmelig', 'hemmeligt', 'hemmelighed', 'kode', 'koden', 'login', 'logind',
  'frivilligbro', 'frivillig', 'frivillige', 'frivilligcenter', 'frivilligcentret', 'bro', 'velkommen', 'adgang', 'bruger',
  'brugernavn', 'admin', 'test', 'demo', 'sikker', 'sikkerhed', 'nøgle', 'noegle', 'mitid', 'nemid',
  // Seasons, months, weekdays, holidays
  'sommer', 'vinter', 'forår', 'foraar', 'efterår', 'efteraar', 'januar', 'februar', 'marts', 'april', 'maj', 'juni',
  'juli', 'august', 'september', 'oktober', 'november', 'december', 'mandag', 'tirsdag', 'onsdag', 'torsdag',
  'fredag', 'lørdag', 'loerdag', 'søndag', 'soendag', 'weekend', 'jul', 'julen', 'juleaften', 'påske', 'paaske',
  'nytår', 'nytaar', 'sankthans', 'fastelavn', 'ferie', 'sommerferie', 'fødselsdag', 'foedselsdag',
  // Love, family, home
  'kærlighed', 'kaerlighed', 'elsker', 'jegelskerdig', 'skat', 'skatter', 'skattebasse', 'kæreste', 'kaereste',
  'hjerte', 'mor', 'far', 'mormor', 'morfar', 'farmor', 'farfar', 'søster', 'soester', 'bror', 'familie', 'børn',
  'boern', 'barn', 'baby', 'prinsesse', 'prins', 'engel', 'hjem', 'huset', 'venner', 'ven', 'veninde', 'lykke',
  'glæde', 'glaede', 'smil', 'sol', 'solskin', 'måne', 'maane', 'stjerne', 'blomst', 'rose', 'himmel', 'hav',
  'havet', 'strand', 'skov', 'skoven', 'regn', 'sne', 'vind',
  // Country, places, clubs
  'danmark', 'dansk', 'danske', 'dannebrog', 'københavn', 'koebenhavn', 'kobenhavn', 'aarhus', 'århus', 'odense',
  'aalborg', 'ålborg', 'esbjerg', 'randers', 'kolding', 'horsens', 'vejle', 'roskilde', 'herning', 'silkeborg',
  'næstved', 'naestved', 'fredericia', 'viborg', 'køge', 'koege', 'holstebro', 'taastrup', 'slagelse', 'hillerød',
  'hilleroed', 'helsingør', 'helsingoer', 'gribskov', 'helsinge', 'bornholm', 'fyn', 'jylland', 'sjælland',
  'sjaelland', 'amager', 'nørrebro', 'noerrebro', 'vesterbro', 'østerbro', 'oesterbro', 'tivoli', 'brøndby',
  'broendby', 'fck', 'agf', 'fcm', 'aab', 'landshold', 'kommune', 'region',
  // Sports, pets, food, things
  'fodbold', 'håndbold', 'haandbold', 'badminton', 'cykel', 'cykling', 'løb', 'loeb', 'hest', 'heste', 'hund',
  'hunden', 'kat', 'katten', 'mis', 'missekat', 'bamse', 'kanin', 'fisk', 'pizza', 'kage', 'chokolade', 'slik',
  'lakrids', 'øl', 'oel', 'kaffe', 'bil', 'bilen', 'båd', 'baad', 'musik', 'computer', 'telefon', 'mobil',
  'internet', 'spil', 'lego', 'guld', 'sølv', 'soelv', 'penge',
  // Colours, numbers, common words
  'rød', 'roed', 'blå', 'blaa', 'grøn', 'groen', 'gul', 'sort', 'hvid', 'lilla', 'orange', 'en', 'to', 'tre',
  'fire', 'fem', 'seks', 'syv', 'otte', 'ni', 'ti', 'hundrede', 'tusind', 'hej', 'hejsa', 'farvel', 'tak',
  'ja', 'nej', 'godmorgen', 'goddag', 'jeg', 'du', 'dig', 'mig', 'vi', 'min', 'mit', 'mine', 'din', 'og', 'er',
  'det', 'den', 'til', 'med', 'for', 'god', 'godt', 'stor', 'lille', 'ny', 'nye', 'gammel', 'dag', 'nat', 'tid',
  'liv', 'livet', 'verden', 'fri', 'frihed', 'arbejde', 'job', 'skole', 'sommerhus', 'hygge', 'sjov', 'super',
  'bedste', 'smuk', 'sød', 'soed', 'dejlig', 'drøm', 'droem', 'drømme', 'troldmand', 'trold', 'nisse', 'viking',
  'vikinger', 'konge', 'dronning', 'margrethe', 'mary',
  // First names (common in Denmark)
  'anne', 'kirsten', 'mette', 'hanne', 'anna', 'helle', 'susanne', 'lene', 'maria', 'marianne', 'lone', 'camilla',
  'pia', 'louise', 'charlotte', 'bente', 'tina', 'gitte', 'inge', 'karen', 'jette', 'julie', 'sofie', 'ida',
  'emma', 'freja', 'clara', 'laura', 'karla', 'alma', 'ella', 'josefine', 'mathilde', 'caroline', 'line',
  'birgitte', 'lise', 'eva', 'nanna', 'lærke', 'laerke', 'signe', 'sara', 'cecilie', 'katrine', 'maja', 'nina',
  'peter', 'jens', 'lars', 'michael', 'henrik', 'thomas', 'søren', 'soeren', 'jan', 'christian', 'martin',
  'niels', 'anders', 'morten', 'jesper', 'mads', 'rasmus', 'per', 'hans', 'kim', 'jørgen', 'joergen', 'ole',
  'jakob', 'mikkel', 'kasper', 'frederik', 'lucas', 'william', 'oliver', 'noah', 'emil', 'victor', 'magnus',
  'oscar', 'malthe', 'aksel', 'alfred', 'carl', 'mathias', 'jonas', 'simon', 'kristian', 'bo', 'erik', 'poul',
  'john', 'torben', 'steen', 'allan', 'brian', 'claus', 'flemming', 'kenneth', 'ib', 'knud', 'finn', 'aisha',
  'ali', 'mohammed', 'fatima',
  // Surnames (the most common in Denmark)
  'jensen', 'nielsen', 'hansen', 'pedersen', 'andersen', 'christensen', 'larsen', 'sørensen', 'soerensen',
  'rasmussen', 'jørgensen', 'joergensen', 'petersen', 'madsen', 'kristensen', 'olsen', 'thomsen', 'christiansen',
  'poulsen', 'johansen', 'møller', 'moeller', 'mortensen', 'knudsen', 'jakobsen', 'mikkelsen', 'olesen',
  'frederiksen', 'laursen', 'henriksen', 'lund', 'schmidt', 'eriksen', 'holm', 'kristiansen', 'clausen', 'simonsen',
  'svendsen', 'andreasen', 'iversen', 'østergaard', 'oestergaard', 'jeppesen', 'vestergaard', 'nissen',
  'lauridsen', 'kjær', 'kjaer', 'jepsen', 'mogensen', 'nørgaard', 'noergaard', 'jessen',
]
